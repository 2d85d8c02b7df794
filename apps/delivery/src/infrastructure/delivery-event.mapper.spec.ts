import {
  aDeliveryCreatedV1,
  courierAvailabilityChangedV1,
  courierRegisteredV1,
  deliveryCancelledV1,
  deliveryCourierAssignedV1,
  deliveryCreatedV1,
  deliveryDeliveredV1,
  deliveryPickedUpV1,
} from '@brigade/contracts/delivery';
import type { StoredEvent } from '@brigade/event-store';
import {
  availabilityChanged,
  consumerId,
  courierDeliveryAssigned,
  courierDeliveryReleased,
  courierId,
  courierRegistered,
  deliveryAddress,
  deliveryCancelled,
  deliveryCourierAssigned,
  deliveryCreated,
  deliveryDelivered,
  deliveryPickedUp,
  orderId,
  orderNoted,
  orderWithdrawn,
  pickupAddress,
  readyBy,
  restaurantId,
  ticketAcceptanceNoted,
  ticketReadinessNoted,
} from '../../test/delivery.mothers';
import type { CourierEvent } from '../domain/courier.events';
import type { DeliveryEvent } from '../domain/delivery.events';
import { mapDeliveryEvent } from './delivery-event.mapper';

function stored(event: CourierEvent | DeliveryEvent): StoredEvent {
  return {
    eventId: 'f0c5a3c2-9a9e-4f3c-8d55-1e2f3a4b5c6d',
    streamId: orderId,
    streamType: 'delivery',
    streamVersion: 1,
    type: event.type,
    schemaVersion: 1,
    data: event.data,
    metadata: { correlationId: 'c', causationId: null, actor: { id: 'a', role: 'system' }, occurredAt: '2026-11-27T10:00:00.000Z' },
    position: { transactionId: '1', sequence: '1' },
    recordedAt: new Date('2026-11-27T10:00:00.000Z'),
  };
}

const ref = { orderId, restaurantId };

describe('delivery event mapper', () => {
  it('publishes DeliveryCreated as delivery.delivery.created.v1 with both addresses', () => {
    const mapped = mapDeliveryEvent(stored(deliveryCreated()));
    expect(mapped?.subject).toBe(deliveryCreatedV1.subject);
    expect(deliveryCreatedV1.parse(mapped?.payload)).toEqual({ orderId, consumerId, restaurantId, pickupAddress, deliveryAddress });
    expect(Object.keys(mapped?.payload ?? {}).sort()).toEqual(Object.keys(aDeliveryCreatedV1()).sort());
  });

  it.each([
    ['CourierRegistered', courierRegistered(), courierRegisteredV1, { courierId, name: 'Grace Hopper' }],
    ['CourierAvailabilityChanged', availabilityChanged(true), courierAvailabilityChangedV1, { courierId, available: true }],
    ['DeliveryCourierAssigned', deliveryCourierAssigned(), deliveryCourierAssignedV1, { ...ref, courierId, readyBy }],
    ['DeliveryPickedUp', deliveryPickedUp(), deliveryPickedUpV1, { ...ref, courierId }],
    ['DeliveryDelivered', deliveryDelivered(), deliveryDeliveredV1, { ...ref, courierId }],
    ['DeliveryCancelled (with its courier)', deliveryCancelled(courierId), deliveryCancelledV1, { ...ref, courierId }],
    ['DeliveryCancelled (before any courier)', deliveryCancelled(null), deliveryCancelledV1, { ...ref, courierId: null }],
  ] as const)('publishes %s on its contract', (_type, event, contract, payload) => {
    const mapped = mapDeliveryEvent(stored(event));
    expect(mapped?.subject).toBe(contract.subject);
    expect(contract.parse(mapped?.payload)).toEqual(payload);
  });

  it.each([
    ['OrderNoted', orderNoted()],
    ['OrderWithdrawn', orderWithdrawn()],
    ['TicketAcceptanceNoted', ticketAcceptanceNoted()],
    ['TicketReadinessNoted', ticketReadinessNoted()],
    ['CourierDeliveryAssigned', courierDeliveryAssigned()],
    ['CourierDeliveryReleased', courierDeliveryReleased()],
  ] as const)('keeps %s inside delivery (not published)', (_type, event) => {
    expect(mapDeliveryEvent(stored(event))).toBeNull();
  });

  it('never lets a field the domain adds to its events leak onto the wire', () => {
    const created = deliveryCreated();
    const withInternals = { ...created, data: { ...created.data, tipCents: 300, pickupAddress: { ...created.data.pickupAddress, doorCode: '1234' } } };
    const mapped = mapDeliveryEvent(stored(withInternals as DeliveryEvent));
    expect(() => deliveryCreatedV1.parse(mapped?.payload)).not.toThrow();
    expect(JSON.stringify(mapped?.payload)).not.toMatch(/tipCents|doorCode/);
  });

  it('refuses an event type it does not know (a bug, never silently skipped)', () => {
    expect(() => mapDeliveryEvent(stored({ type: 'DeliveryLost', data: {} } as never))).toThrow(/DeliveryLost/);
  });
});
