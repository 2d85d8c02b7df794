import {
  aConsumerRegisteredV1,
  consumerOrderValidatedV1,
  consumerOrderValidationFailedV1,
  consumerReactivatedV1,
  consumerRegisteredV1,
  consumerSuspendedV1,
} from '@brigade/contracts/consumers';
import type { StoredEvent } from '@brigade/event-store';
import {
  consumerId,
  consumerReactivated,
  consumerRegistered,
  consumerSuspended,
  orderId,
  orderValidated,
  orderValidationFailed,
} from '../../test/consumer.mothers';
import type { ConsumerEvent } from '../domain/consumer.events';
import type { OrderValidationEvent } from '../domain/order-validation.events';
import { mapConsumerEvent } from './consumer-event.mapper';

function stored(event: ConsumerEvent | OrderValidationEvent, streamType = event.type.startsWith('Order') ? 'order-validation' : 'consumer'): StoredEvent {
  return {
    eventId: 'f0c5a3c2-9a9e-4f3c-8d55-1e2f3a4b5c6d',
    streamId: streamType === 'consumer' ? consumerId : `order-validation-${orderId}`,
    streamType,
    streamVersion: 1,
    type: event.type,
    schemaVersion: 1,
    data: event.data,
    metadata: { correlationId: 'c', causationId: null, actor: { id: 'a', role: 'admin' }, occurredAt: '2026-11-27T10:00:00.000Z' },
    position: { transactionId: '1', sequence: '1' },
    recordedAt: new Date('2026-11-27T10:00:00.000Z'),
  };
}

describe('consumer event mapper', () => {
  it('publishes ConsumerRegistered as consumers.consumer.registered.v1', () => {
    const { subject, payload } = mapConsumerEvent(stored(consumerRegistered()));
    expect(subject).toBe(consumerRegisteredV1.subject);
    expect(consumerRegisteredV1.parse(payload)).toEqual(consumerRegistered().data);
    expect(Object.keys(payload).sort()).toEqual(Object.keys(aConsumerRegisteredV1()).sort());
  });

  it('publishes ConsumerSuspended as consumers.consumer.suspended.v1', () => {
    const { subject, payload } = mapConsumerEvent(stored(consumerSuspended()));
    expect(subject).toBe(consumerSuspendedV1.subject);
    expect(consumerSuspendedV1.parse(payload)).toEqual({ consumerId });
  });

  it('publishes ConsumerReactivated as consumers.consumer.reactivated.v1', () => {
    const { subject, payload } = mapConsumerEvent(stored(consumerReactivated()));
    expect(subject).toBe(consumerReactivatedV1.subject);
    expect(consumerReactivatedV1.parse(payload)).toEqual({ consumerId });
  });

  it('publishes OrderValidated as consumers.consumer.order-validated.v1', () => {
    const { subject, payload } = mapConsumerEvent(stored(orderValidated()));
    expect(subject).toBe(consumerOrderValidatedV1.subject);
    expect(consumerOrderValidatedV1.parse(payload)).toEqual({ consumerId, orderId });
  });

  it('publishes OrderValidationFailed as consumers.consumer.order-validation-failed.v1 with its reason', () => {
    const { subject, payload } = mapConsumerEvent(stored(orderValidationFailed({ reason: 'consumer is suspended' })));
    expect(subject).toBe(consumerOrderValidationFailedV1.subject);
    expect(consumerOrderValidationFailedV1.parse(payload)).toEqual({ consumerId, orderId, reason: 'consumer is suspended' });
  });

  it('never lets a field the domain adds to its events leak onto the wire', () => {
    const registered = consumerRegistered();
    const withInternals = { ...registered, data: { ...registered.data, passwordHash: 'x', name: { ...registered.data.name, nickname: 'A' } } };
    const { payload } = mapConsumerEvent(stored(withInternals as ConsumerEvent));
    expect(() => consumerRegisteredV1.parse(payload)).not.toThrow();
    expect(JSON.stringify(payload)).not.toMatch(/passwordHash|nickname/);
  });

  it('refuses an event type it does not know (a bug, never silently skipped)', () => {
    expect(() => mapConsumerEvent(stored({ type: 'ConsumerRenamed', data: {} } as never))).toThrow(/ConsumerRenamed/);
  });

  it('refuses a stream type it does not know', () => {
    expect(() => mapConsumerEvent(stored(consumerRegistered(), 'loyalty'))).toThrow(/loyalty/);
  });
});
