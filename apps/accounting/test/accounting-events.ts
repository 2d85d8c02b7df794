// Neighbours' events for component tests, shaped as their relays publish them: the consumers
// context's stream id is the consumerId, the orders context's the orderId.
import { aConsumerRegisteredV1, consumerRegisteredV1Subject } from '@brigade/contracts/consumers';
import { anOrderCreatedV1, anOrderRejectedV1, orderCreatedV1Subject, orderRejectedV1Subject } from '@brigade/contracts/orders';
import type { NeighbourEvent } from './accounting-app';

export const consumerRegistered = (consumerId: string): NeighbourEvent => ({
  subject: consumerRegisteredV1Subject,
  payload: aConsumerRegisteredV1({ consumerId }),
  aggregateId: consumerId,
});

/** An order of one line whose total is `totalCents`. */
export function orderCreated(orderId: string, consumerId: string, totalCents: number): NeighbourEvent {
  const example = anOrderCreatedV1();
  const lineItems = [{ ...example.lineItems[0], priceCents: totalCents, quantity: 1 }];
  return { subject: orderCreatedV1Subject, payload: anOrderCreatedV1({ orderId, consumerId, lineItems, orderTotalCents: totalCents }), aggregateId: orderId };
}

export const orderRejected = (orderId: string, consumerId: string): NeighbourEvent => ({
  subject: orderRejectedV1Subject,
  payload: anOrderRejectedV1({ orderId, consumerId, rejectionReason: 'kitchen: restaurant closed' }),
  aggregateId: orderId,
});
