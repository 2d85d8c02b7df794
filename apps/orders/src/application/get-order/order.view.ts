import { OrderState } from '../../domain/order.decider';
import { OrderNotFoundError } from '../../domain/order.errors';
import type { LastChange, OrderStatus } from '../../domain/order.state';
import type { OrderLine } from '../../domain/order.types';

/** An order as the HTTP API shows it; `version` is its stream version. */
export interface OrderView {
  readonly orderId: string;
  readonly state: OrderStatus;
  readonly consumerId: string;
  readonly restaurantId: string;
  readonly lineItems: readonly OrderLine[];
  readonly orderTotalCents: number;
  readonly rejectionReason?: string;
  readonly lastChange?: LastChange;
  readonly version: number;
}

/**
 * Fields are picked one by one: the answer has a stable shape, whatever the state holds. While a
 * revision is pending the order shows the lines it has (the proposal is not the order yet).
 */
export function toOrderView(orderId: string, state: OrderState, version: number): OrderView {
  if (state.status === 'UNKNOWN') throw new OrderNotFoundError(orderId);
  const { lastChange } = state;
  return {
    orderId: state.orderId,
    state: state.status,
    consumerId: state.consumerId,
    restaurantId: state.restaurantId,
    lineItems: state.lineItems.map(({ menuItemId, name, priceCents, quantity }) => ({ menuItemId, name, priceCents, quantity })),
    orderTotalCents: state.orderTotalCents,
    ...(state.status === 'REJECTED' ? { rejectionReason: state.rejectionReason } : {}),
    ...(lastChange ? { lastChange: { type: lastChange.type, outcome: lastChange.outcome, ...(lastChange.reason ? { reason: lastChange.reason } : {}) } } : {}),
    version,
  };
}
