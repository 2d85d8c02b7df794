import {
  anOrderApprovedV1,
  anOrderCancelledV1,
  anOrderCancelRefusedV1,
  anOrderCancelRequestedV1,
  anOrderCreatedV1,
  anOrderRejectedV1,
  anOrderRevisedV1,
  anOrderRevisionProposedV1,
  anOrderRevisionRejectedV1,
  orderApprovedV1,
  orderCancelledV1,
  orderCancelRefusedV1,
  orderCancelRequestedV1,
  orderCreatedV1,
  orderRejectedV1,
  orderRevisedV1,
  orderRevisionProposedV1,
  orderRevisionRejectedV1,
} from '@brigade/contracts/orders';
import type { DomainEvent } from '@brigade/domain';
import type { StoredEvent } from '@brigade/event-store';
import type { OrderEvent } from '../domain/order.decider';
import {
  aRevision,
  ORDER_ID,
  orderApproved,
  orderCancelled,
  orderCancelRefused,
  orderCancelRequested,
  orderCreated,
  orderDelivered,
  orderDetails,
  orderParties,
  orderPickedUp,
  orderPreparationStarted,
  orderReadyForPickup,
  orderRejected,
  orderRevised,
  orderRevisionProposed,
  orderRevisionRejected,
} from '../domain/order.mothers';
import { mapOrderEvent } from './order-event.mapper';

// Saga events are written as plain data: infrastructure does not import application/, even in a spec.
function stored(event: DomainEvent, streamType = 'order'): StoredEvent {
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

  it('publishes OrderCancelRequested as orders.order.cancel-requested.v1', () => {
    const mapping = mapOrderEvent(stored(orderCancelRequested));
    expect(mapping?.subject).toBe(orderCancelRequestedV1.subject);
    expect(orderCancelRequestedV1.parse(mapping?.payload)).toEqual(anOrderCancelRequestedV1());
  });

  it('publishes OrderCancelled as orders.order.cancelled.v1', () => {
    const mapping = mapOrderEvent(stored(orderCancelled));
    expect(mapping?.subject).toBe(orderCancelledV1.subject);
    expect(orderCancelledV1.parse(mapping?.payload)).toEqual(anOrderCancelledV1());
  });

  it('publishes OrderCancelRefused as orders.order.cancel-refused.v1 with the reason', () => {
    const mapping = mapOrderEvent(stored(orderCancelRefused('no answer from kitchen before the deadline')));
    expect(mapping?.subject).toBe(orderCancelRefusedV1.subject);
    expect(orderCancelRefusedV1.parse(mapping?.payload)).toEqual(anOrderCancelRefusedV1({ reason: 'no answer from kitchen before the deadline' }));
  });

  it('publishes OrderRevisionProposed as orders.order.revision-proposed.v1 with the revision, its priced lines and total', () => {
    const mapping = mapOrderEvent(stored(orderRevisionProposed()));
    expect(mapping?.subject).toBe(orderRevisionProposedV1.subject);
    expect(orderRevisionProposedV1.parse(mapping?.payload)).toEqual(anOrderRevisionProposedV1());
    const second = aRevision({ revision: 2, lineItems: orderDetails.lineItems, orderTotalCents: 2997 });
    expect(orderRevisionProposedV1.parse(mapOrderEvent(stored(orderRevisionProposed(second)))?.payload)).toEqual(
      anOrderRevisionProposedV1({ revision: 2, lineItems: orderDetails.lineItems, orderTotalCents: 2997 }),
    );
  });

  it('publishes OrderRevised as orders.order.revised.v1 with the new lines and total', () => {
    const mapping = mapOrderEvent(stored(orderRevised()));
    expect(mapping?.subject).toBe(orderRevisedV1.subject);
    expect(orderRevisedV1.parse(mapping?.payload)).toEqual(anOrderRevisedV1());
  });

  it('publishes OrderRevisionRejected as orders.order.revision-rejected.v1 with the revision and the reason', () => {
    const mapping = mapOrderEvent(stored(orderRevisionRejected(1, 'kitchen: ticket is PREPARING')));
    expect(mapping?.subject).toBe(orderRevisionRejectedV1.subject);
    expect(orderRevisionRejectedV1.parse(mapping?.payload)).toEqual(anOrderRevisionRejectedV1({ reason: 'kitchen: ticket is PREPARING' }));
  });

  it('keeps the sagas’ own events off the wire', () => {
    const deadline = '2026-11-27T10:00:30.000Z';
    expect(mapOrderEvent(stored({ type: 'CreateOrderSagaStarted', data: { orderId: ORDER_ID, deadline } }, 'create-order-saga'))).toBeNull();
    expect(mapOrderEvent(stored({ type: 'CreateOrderApproved', data: { orderId: ORDER_ID } }, 'create-order-saga'))).toBeNull();
    expect(mapOrderEvent(stored({ type: 'CancelOrderSagaStarted', data: { orderId: ORDER_ID, deadline } }, 'cancel-order-saga'))).toBeNull();
    expect(mapOrderEvent(stored({ type: 'CancelOrderConfirmed', data: { orderId: ORDER_ID } }, 'cancel-order-saga'))).toBeNull();
    expect(mapOrderEvent(stored({ type: 'ReviseOrderSagaStarted', data: { orderId: ORDER_ID, revision: 1, deadline } }, 'revise-order-saga'))).toBeNull();
    expect(mapOrderEvent(stored({ type: 'RevisionApproved', data: { orderId: ORDER_ID, revision: 1 } }, 'revise-order-saga'))).toBeNull();
  });

  it('keeps the order’s mirrored fulfilment steps off the wire (the kitchen and delivery publish them)', () => {
    expect(mapOrderEvent(stored(orderPreparationStarted))).toBeNull();
    expect(mapOrderEvent(stored(orderReadyForPickup))).toBeNull();
    expect(mapOrderEvent(stored(orderPickedUp))).toBeNull();
    expect(mapOrderEvent(stored(orderDelivered))).toBeNull();
  });

  it('never lets a field the domain adds to its events leak onto the wire', () => {
    const withInternals = { type: 'OrderCreated', data: { ...orderDetails, internalNote: 'secret', lineItems: [{ ...orderDetails.lineItems[0], costCents: 1 }] } };
    const payload = mapOrderEvent(stored(withInternals as OrderEvent))?.payload;
    expect(JSON.stringify(payload)).not.toMatch(/internalNote|costCents/);
  });

  it('never lets a field the domain adds to a decision or a revision leak onto the wire', () => {
    const withInternals = (event: OrderEvent) => stored({ type: event.type, data: { ...event.data, internalNote: 'secret' } });
    const lines = [{ ...aRevision().lineItems[0], costCents: 1 }];
    for (const event of [
      orderCancelRequested,
      orderCancelled,
      orderCancelRefused(),
      orderRevisionRejected(1),
      orderRevisionProposed(aRevision({ lineItems: lines })),
      orderRevised(aRevision({ lineItems: lines })),
    ]) {
      expect(JSON.stringify(mapOrderEvent(withInternals(event))?.payload)).not.toMatch(/internalNote|costCents/);
    }
    expect(mapOrderEvent(withInternals({ type: 'OrderCancelled', data: orderParties }))?.payload).toEqual(orderParties);
  });

  it('refuses an event or stream type it does not know (a bug, never silently skipped)', () => {
    expect(() => mapOrderEvent(stored({ type: 'OrderRenamed', data: {} } as never))).toThrow(/OrderRenamed/);
    expect(() => mapOrderEvent(stored(orderCreated, 'ticket'))).toThrow(/ticket/);
  });
});
