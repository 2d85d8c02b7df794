import {
  anOrderApprovedV1,
  anOrderCreatedV1,
  anOrderRejectedV1,
  orderApprovedV1,
  orderCreatedV1,
  orderRejectedV1,
} from '@brigade/contracts/orders';
import type { StoredEvent } from '@brigade/event-store';
import type { CreateOrderSagaEvent } from '../domain/create-order-saga.decider';
import type { OrderEvent } from '../domain/order.decider';
import {
  ORDER_ID,
  orderApproved,
  orderCreated,
  orderDetails,
  orderPreparationStarted,
  orderReadyForPickup,
  orderRejected,
} from '../domain/order.mothers';
import { mapOrderEvent } from './order-event.mapper';

function stored(event: OrderEvent | CreateOrderSagaEvent, streamType = 'order'): StoredEvent {
  return {
    eventId: 'f0c5a3c2-9a9e-4f3c-8d55-1e2f3a4b5c6d',
    streamId: ORDER_ID,
    streamType,
    streamVersion: 1,
    type: event.type,
    schemaVersion: 1,
    data: event.data,
    metadata: { correlationId: 'c', causationId: null, actor: { id: 'a', role: 'consumer' }, occurredAt: '2026-11-27T10:00:00.000Z' },
    position: { transactionId: '1', sequence: '1' },
    recordedAt: new Date('2026-11-27T10:00:00.000Z'),
  };
}

describe('order event mapper', () => {
  it('publishes OrderCreated as orders.order.created.v1 with priced lines and the total', () => {
    const mapping = mapOrderEvent(stored(orderCreated));
    expect(mapping?.subject).toBe(orderCreatedV1.subject);
    expect(orderCreatedV1.parse(mapping?.payload)).toEqual(anOrderCreatedV1());
  });

  it('keeps street2 and the delivery time when there are some', () => {
    const deliveryAddress = { ...orderDetails.deliveryAddress, street2: 'Apt 4' };
    const event: OrderEvent = { type: 'OrderCreated', data: { ...orderDetails, deliveryAddress, deliveryTime: '2026-11-27T19:00:00.000Z' } };
    expect(orderCreatedV1.parse(mapOrderEvent(stored(event))?.payload)).toMatchObject({ deliveryAddress, deliveryTime: '2026-11-27T19:00:00.000Z' });
  });

  it('publishes OrderApproved as orders.order.approved.v1', () => {
    const mapping = mapOrderEvent(stored(orderApproved));
    expect(mapping?.subject).toBe(orderApprovedV1.subject);
    expect(orderApprovedV1.parse(mapping?.payload)).toEqual(anOrderApprovedV1());
  });

  it('publishes OrderRejected as orders.order.rejected.v1 with the reason', () => {
    const mapping = mapOrderEvent(stored(orderRejected('accounting: declined')));
    expect(mapping?.subject).toBe(orderRejectedV1.subject);
    expect(orderRejectedV1.parse(mapping?.payload)).toEqual(anOrderRejectedV1({ rejectionReason: 'accounting: declined' }));
  });

  it('keeps the saga’s own events off the wire', () => {
    const started: CreateOrderSagaEvent = { type: 'CreateOrderSagaStarted', data: { orderId: ORDER_ID, deadline: '2026-11-27T10:00:30.000Z' } };
    expect(mapOrderEvent(stored(started, 'create-order-saga'))).toBeNull();
  });

  it('keeps the order’s fulfilment steps off the wire (no orders contract for them yet)', () => {
    expect(mapOrderEvent(stored(orderPreparationStarted))).toBeNull();
    expect(mapOrderEvent(stored(orderReadyForPickup))).toBeNull();
  });

  it('never lets a field the domain adds to its events leak onto the wire', () => {
    const withInternals = { type: 'OrderCreated', data: { ...orderDetails, internalNote: 'secret', lineItems: [{ ...orderDetails.lineItems[0], costCents: 1 }] } };
    const payload = mapOrderEvent(stored(withInternals as OrderEvent))?.payload;
    expect(JSON.stringify(payload)).not.toMatch(/internalNote|costCents/);
  });

  it('refuses an event or stream type it does not know (a bug, never silently skipped)', () => {
    expect(() => mapOrderEvent(stored({ type: 'OrderRenamed', data: {} } as never))).toThrow(/OrderRenamed/);
    expect(() => mapOrderEvent(stored(orderCreated, 'ticket'))).toThrow(/ticket/);
  });
});
