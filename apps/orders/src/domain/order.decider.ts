import { assertNever, Decider, DomainEvent } from '@brigade/domain';
import { OrderAlreadyDecidedError, OrderAlreadyExistsError, OrderNotFoundError, OrderNotPreparableError, OrderNotPreparingError } from './order.errors';
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
  | { type: 'RejectOrder'; data: { orderId: string; reason: string } }
  | { type: 'StartPreparation'; data: { orderId: string } }
  | { type: 'MarkReadyForPickup'; data: { orderId: string } };

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
  | DomainEvent<'OrderRejected', OrderDecisionParties & { reason: string }>
  | DomainEvent<'OrderPreparationStarted', OrderDecisionParties>
  | DomainEvent<'OrderReadyForPickup', OrderDecisionParties>;

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
  | ({ status: 'REJECTED'; rejectionReason: string } & OrderDetails)
  | ({ status: 'PREPARING' } & OrderDetails)
  | ({ status: 'READY_FOR_PICKUP' } & OrderDetails);

/** Where an approved order can be: approving it again, in any of these, is a repeat. */
const APPROVED_OR_LATER: ReadonlyArray<OrderState['status']> = ['APPROVED', 'PREPARING', 'READY_FOR_PICKUP'];

/**
 * The Order aggregate: created APPROVAL_PENDING with its lines priced from the restaurant
 * replica, then APPROVED or REJECTED by the CreateOrder saga; an approved order then mirrors the
 * kitchen's progress, PREPARING and READY_FOR_PICKUP. Repeating a step already taken decides
 * nothing (sagas re-run, neighbours redeliver); a step out of order is refused with a code.
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
        if (APPROVED_OR_LATER.includes(order.status)) return [];
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
      case 'StartPreparation': {
        const order = existing(state, command.data.orderId);
        // Ready for pickup means preparation started: a late repeat of it is no news.
        if (order.status === 'PREPARING' || order.status === 'READY_FOR_PICKUP') return [];
        if (order.status !== 'APPROVED') throw new OrderNotPreparableError(order.orderId, order.status);
        return [{ type: 'OrderPreparationStarted', data: parties(order) }];
      }
      case 'MarkReadyForPickup': {
        const order = existing(state, command.data.orderId);
        if (order.status === 'READY_FOR_PICKUP') return [];
        if (order.status !== 'PREPARING') throw new OrderNotPreparingError(order.orderId, order.status);
        return [{ type: 'OrderReadyForPickup', data: parties(order) }];
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
      case 'OrderPreparationStarted':
        return { ...details(state, event.type), status: 'PREPARING' };
      case 'OrderReadyForPickup':
        return { ...details(state, event.type), status: 'READY_FOR_PICKUP' };
      default:
        return assertNever(event);
    }
  },
};

function existing(state: OrderState, orderId: string): Exclude<OrderState, { status: 'UNKNOWN' }> {
  if (state.status === 'UNKNOWN') throw new OrderNotFoundError(orderId);
  return state;
}

function parties({ orderId, consumerId, restaurantId }: OrderDetails): OrderDecisionParties {
  return { orderId, consumerId, restaurantId };
}

/** A stream whose first event is not OrderCreated is corrupt: a bug to surface, not a business answer. */
function details(state: OrderState, eventType: string): OrderDetails {
  if (state.status === 'UNKNOWN') throw new Error(`${eventType} in a stream without OrderCreated`);
  const { orderId, consumerId, restaurantId, lineItems, orderTotalCents: total, deliveryAddress, deliveryTime } = state;
  return { orderId, consumerId, restaurantId, lineItems, orderTotalCents: total, deliveryAddress, ...(deliveryTime ? { deliveryTime } : {}) };
}
