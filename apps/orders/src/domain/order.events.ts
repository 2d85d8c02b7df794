import type { DomainEvent } from '@brigade/domain';
import { DeliveryAddress, OrderLine } from './order.types';

export interface OrderDetails {
  readonly orderId: string;
  readonly consumerId: string;
  readonly restaurantId: string;
  readonly lineItems: OrderLine[];
  readonly orderTotalCents: number;
  readonly deliveryAddress: DeliveryAddress;
  readonly deliveryTime?: string;
}

/**
 * Who a decision concerns. Carried in the decision events themselves because the relay maps one
 * stored event at a time (purely): every published order event needs these fields.
 */
export interface OrderParties {
  readonly orderId: string;
  readonly consumerId: string;
  readonly restaurantId: string;
}

/** A revision's lines as priced when it was proposed; `revision` counts the order's revisions from 1. */
export interface OrderRevision {
  readonly revision: number;
  readonly lineItems: OrderLine[];
  readonly orderTotalCents: number;
}

// The Order's events, as stored in its stream (stream id = orderId). What other contexts see are
// the contracts in @brigade/contracts/orders; infrastructure/order-event.mapper.ts maps one to the other.
export type OrderEvent =
  | DomainEvent<'OrderCreated', OrderDetails>
  | DomainEvent<'OrderApproved', OrderParties & { orderTotalCents: number }>
  | DomainEvent<'OrderRejected', OrderParties & { reason: string }>
  | DomainEvent<'OrderCancelRequested', OrderParties>
  | DomainEvent<'OrderCancelled', OrderParties>
  | DomainEvent<'OrderCancelRefused', OrderParties & { reason: string }>
  | DomainEvent<'OrderRevisionProposed', OrderParties & OrderRevision>
  | DomainEvent<'OrderRevised', OrderParties & OrderRevision>
  | DomainEvent<'OrderRevisionRejected', OrderParties & { revision: number; reason: string }>
  | DomainEvent<'OrderPreparationStarted', OrderParties>
  | DomainEvent<'OrderReadyForPickup', OrderParties>
  | DomainEvent<'OrderPickedUp', OrderParties>
  | DomainEvent<'OrderDelivered', OrderParties>;
