import { AuthErrorCodes } from '@brigade/auth';
import { fold } from '@brigade/domain';
import type { Actor } from '@brigade/event-store';
import { courierId, deliveryCancelled, historyUntil, orderId, orderNoted, otherCourierId, restaurantId } from '../../../test/delivery.mothers';
import { deliveryDecider } from '../../domain/delivery.decider';
import { DeliveryErrorCodes } from '../../domain/delivery.errors';
import type { DeliveryEvent } from '../../domain/delivery.events';
import { assertMayActOnDelivery } from './delivery-access';

const stateAfter = (events: DeliveryEvent[]) => fold(deliveryDecider, deliveryDecider.initialState(), events);

const theCourier: Actor = { id: 'u-courier', role: 'courier', courierId };
const anotherCourier: Actor = { id: 'u-other', role: 'courier', courierId: otherCourierId };
const staff: Actor = { id: 'u-staff', role: 'restaurant', restaurantId };
const consumer: Actor = { id: 'u-consumer', role: 'consumer', consumerId: courierId };
const admin: Actor = { id: 'u-admin', role: 'admin' };
const forbidden = expect.objectContaining({ code: AuthErrorCodes.forbidden, kind: 'forbidden' });

describe('who may act on a delivery', () => {
  it('lets the assigned courier and admins act on it, through to the door and after a cancellation', () => {
    for (const history of [historyUntil.ASSIGNED(), historyUntil.DELIVERED(), [...historyUntil.ASSIGNED(), deliveryCancelled(courierId)]]) {
      for (const actor of [theCourier, admin]) expect(() => assertMayActOnDelivery(actor, orderId, stateAfter(history))).not.toThrow();
    }
  });

  it('refuses another courier, restaurant staff and consumers (403), even when an id happens to match', () => {
    for (const actor of [anotherCourier, staff, consumer]) expect(() => assertMayActOnDelivery(actor, orderId, stateAfter(historyUntil.ASSIGNED()))).toThrow(forbidden);
  });

  it('refuses every courier while no courier is assigned; admins still see it', () => {
    for (const actor of [theCourier, anotherCourier]) expect(() => assertMayActOnDelivery(actor, orderId, stateAfter(historyUntil.PENDING()))).toThrow(forbidden);
    expect(() => assertMayActOnDelivery(admin, orderId, stateAfter(historyUntil.PENDING()))).not.toThrow();
  });

  it('answers "not found" first, to anyone, for an order without a delivery', () => {
    for (const events of [[], [orderNoted()]]) {
      for (const actor of [theCourier, anotherCourier, admin]) {
        expect(() => assertMayActOnDelivery(actor, orderId, stateAfter(events))).toThrow(expect.objectContaining({ code: DeliveryErrorCodes.NotFound }));
      }
    }
  });
});
