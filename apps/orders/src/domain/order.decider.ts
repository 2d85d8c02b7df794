import { assertNever, Decider, DomainEvent } from '@brigade/domain';
import { OrderAlreadyDecidedError, OrderAlreadyExistsError, OrderNotFoundError } from './order.errors';
import { orderTotalCents, priceLines } from './order.pricing';
import { DeliveryAddress, OrderLine, RequestedLine, RestaurantSnapshot } from './order.types';

export type OrderCommand =
  | {
      type: 'CreateOrder';
      data: {
        orderId: string;
        consumerId: string;
        restaurant: RestaurantSnapshot;
        lineItems: RequestedLine[];
        deliveryAddress: DeliveryAddress;
        deliveryTime?: string;
      };
    }
  | { type: 'ApproveOrder'; data: { orderId: string } }
  | { type: 'RejectOrder'; data: { orderId: string; reason: string } };

export interface OrderDetails {
  readonly orderId: string;
  readonly consumerId: string;
  readonly restaurantId: string;
  readonly lineItems: OrderLine[];
  readonly orderTotalCents: number;
  readonly deliveryAddress: DeliveryAddress;
  readonly deliveryTime?: string;
}

export type OrderEvent =
  | DomainEvent<'OrderCreated', OrderDetails>
  | DomainEvent<'OrderApproved', OrderDecisionParties & { orderTotalCents: number }>
  | DomainEvent<'OrderRejected', OrderDecisionParties & { reason: string }>;

/**
 * Who a decision concerns. Carried in the decision events themselves because the relay maps one
 * stored event at a time (purely): orders.order.approved.v1 / rejected.v1 need these fields.
 */
export interface OrderDecisionParties {
  readonly orderId: string;
  readonly consumerId: string;
  readonly restaurantId: string;
}

export type OrderState =
  | { status: 'UNKNOWN' }
  | ({ status: 'APPROVAL_PENDING' } & OrderDetails)
  | ({ status: 'APPROVED' } & OrderDetails)
  | ({ status: 'REJECTED'; rejectionReason: string } & OrderDetails);

/**
 * The Order aggregate, as far as the CreateOrder saga takes it: created APPROVAL_PENDING with
 * its lines priced from the restaurant replica, then APPROVED or REJECTED by the saga. Repeating
 * the decision already taken decides nothing (the saga may be re-run); the other one is refused.
 */
export const orderDecider: Decider<OrderCommand, OrderEvent, OrderState> = {
  initialState: () => ({ status: 'UNKNOWN' }),

  decide(command, state) {
    switch (command.type) {
      case 'CreateOrder': {
        const { orderId, consumerId, restaurant, lineItems, deliveryAddress, deliveryTime } = command.data;
        if (state.status !== 'UNKNOWN') throw new OrderAlreadyExistsError(orderId);
        const priced = priceLines(restaurant, lineItems);
        const details: OrderDetails = {
          orderId,
          consumerId,
          restaurantId: restaurant.restaurantId,
          lineItems: priced,
          orderTotalCents: orderTotalCents(priced),
          deliveryAddress,
          ...(deliveryTime ? { deliveryTime } : {}),
        };
        return [{ type: 'OrderCreated', data: details }];
      }
      case 'ApproveOrder': {
        const order = existing(state, command.data.orderId);
        if (order.status === 'APPROVED') return [];
        if (order.status !== 'APPROVAL_PENDING') throw new OrderAlreadyDecidedError(order.orderId, order.status);
        const { orderId, consumerId, restaurantId, orderTotalCents: total } = order;
        return [{ type: 'OrderApproved', data: { orderId, consumerId, restaurantId, orderTotalCents: total } }];
      }
      case 'RejectOrder': {
        const order = existing(state, command.data.orderId);
        if (order.status === 'REJECTED') return [];
        if (order.status !== 'APPROVAL_PENDING') throw new OrderAlreadyDecidedError(order.orderId, order.status);
        const { orderId, consumerId, restaurantId } = order;
        return [{ type: 'OrderRejected', data: { orderId, consumerId, restaurantId, reason: command.data.reason } }];
      }
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'OrderCreated':
        return { status: 'APPROVAL_PENDING', ...event.data };
      case 'OrderApproved':
        return { ...details(state, event.type), status: 'APPROVED' };
      case 'OrderRejected':
        return { ...details(state, event.type), status: 'REJECTED', rejectionReason: event.data.reason };
      default:
        return assertNever(event);
    }
  },
};

function existing(state: OrderState, orderId: string): Exclude<OrderState, { status: 'UNKNOWN' }> {
  if (state.status === 'UNKNOWN') throw new OrderNotFoundError(orderId);
  return state;
}

/** A stream whose first event is not OrderCreated is corrupt: a bug to surface, not a business answer. */
function details(state: OrderState, eventType: string): OrderDetails {
  if (state.status === 'UNKNOWN') throw new Error(`${eventType} in a stream without OrderCreated`);
  const { orderId, consumerId, restaurantId, lineItems, orderTotalCents: total, deliveryAddress, deliveryTime } = state;
  return { orderId, consumerId, restaurantId, lineItems, orderTotalCents: total, deliveryAddress, ...(deliveryTime ? { deliveryTime } : {}) };
}
