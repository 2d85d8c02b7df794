import { OrderState } from '../../domain/order.decider';
import { OrderNotFoundError } from '../../domain/order.errors';
import type { OrderLine } from '../../domain/order.types';

/** An order as the HTTP API shows it; `version` is its stream version. */
export interface OrderView {
  readonly orderId: string;
  readonly state: Exclude<OrderState['status'], 'UNKNOWN'>;
  readonly consumerId: string;
  readonly restaurantId: string;
  readonly lineItems: readonly OrderLine[];
  readonly orderTotalCents: number;
  readonly rejectionReason?: string;
  readonly version: number;
}

/** Fields are picked one by one: the answer has a stable shape, whatever the state holds. */
export function toOrderView(orderId: string, state: OrderState, version: number): OrderView {
  if (state.status === 'UNKNOWN') throw new OrderNotFoundError(orderId);
  return {
    orderId: state.orderId,
    state: state.status,
    consumerId: state.consumerId,
    restaurantId: state.restaurantId,
    lineItems: state.lineItems.map(({ menuItemId, name, priceCents, quantity }) => ({ menuItemId, name, priceCents, quantity })),
    orderTotalCents: state.orderTotalCents,
    ...(state.status === 'REJECTED' ? { rejectionReason: state.rejectionReason } : {}),
    version,
  };
}
