// Neighbours' events for component tests, shaped as their relays publish them: the consumers
// context's stream id is the consumerId, the orders and delivery contexts' the orderId.
import { aConsumerRegisteredV1, consumerRegisteredV1Subject } from '@brigade/contracts/consumers';
import { aDeliveryDeliveredV1, deliveryDeliveredV1Subject } from '@brigade/contracts/delivery';
import {
  anOrderCancelledV1,
  anOrderCreatedV1,
  anOrderRejectedV1,
  anOrderRevisedV1,
  anOrderRevisionProposedV1,
  anOrderRevisionRejectedV1,
  orderCancelledV1Subject,
  orderCreatedV1Subject,
  orderRejectedV1Subject,
  orderRevisedV1Subject,
  orderRevisionProposedV1Subject,
  orderRevisionRejectedV1Subject,
} from '@brigade/contracts/orders';
import type { NeighbourEvent } from './accounting-app';

export const consumerRegistered = (consumerId: string): NeighbourEvent => ({
  subject: consumerRegisteredV1Subject,
  payload: aConsumerRegisteredV1({ consumerId }),
  aggregateId: consumerId,
});

/** One line whose total is `totalCents`. */
function linesOf(totalCents: number) {
  return [{ ...anOrderCreatedV1().lineItems[0], priceCents: totalCents, quantity: 1 }];
}

/** An order of one line whose total is `totalCents`. */
export function orderCreated(orderId: string, consumerId: string, totalCents: number): NeighbourEvent {
  return { subject: orderCreatedV1Subject, payload: anOrderCreatedV1({ orderId, consumerId, lineItems: linesOf(totalCents), orderTotalCents: totalCents }), aggregateId: orderId };
}

export const orderRejected = (orderId: string, consumerId: string): NeighbourEvent => ({
  subject: orderRejectedV1Subject,
  payload: anOrderRejectedV1({ orderId, consumerId, rejectionReason: 'kitchen: restaurant closed' }),
  aggregateId: orderId,
});

export const orderCancelled = (orderId: string, consumerId: string): NeighbourEvent => ({
  subject: orderCancelledV1Subject,
  payload: anOrderCancelledV1({ orderId, consumerId }),
  aggregateId: orderId,
});

/** Revision `revision` of the order, to one line whose total is `totalCents`. */
export const revisionProposed = (orderId: string, consumerId: string, revision: number, totalCents: number): NeighbourEvent => ({
  subject: orderRevisionProposedV1Subject,
  payload: anOrderRevisionProposedV1({ orderId, consumerId, revision, lineItems: linesOf(totalCents), orderTotalCents: totalCents }),
  aggregateId: orderId,
});

export const orderRevised = (orderId: string, consumerId: string, revision: number, totalCents: number): NeighbourEvent => ({
  subject: orderRevisedV1Subject,
  payload: anOrderRevisedV1({ orderId, consumerId, revision, lineItems: linesOf(totalCents), orderTotalCents: totalCents }),
  aggregateId: orderId,
});

export const revisionRejected = (orderId: string, consumerId: string, revision: number): NeighbourEvent => ({
  subject: orderRevisionRejectedV1Subject,
  payload: anOrderRevisionRejectedV1({ orderId, consumerId, revision, reason: 'kitchen: ticket is PREPARING' }),
  aggregateId: orderId,
});

export const delivered = (orderId: string): NeighbourEvent => ({
  subject: deliveryDeliveredV1Subject,
  payload: aDeliveryDeliveredV1({ orderId }),
  aggregateId: orderId,
});
