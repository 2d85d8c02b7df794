import { fold } from '@brigade/domain';
import { courierId, deliveryAddress, historyUntil, orderId, orderNoted, pickupAddress, readyBy, restaurantId, ticketAcceptanceNoted } from '../../../test/delivery.mothers';
import { deliveryDecider } from '../../domain/delivery.decider';
import { DeliveryErrorCodes } from '../../domain/delivery.errors';
import type { DeliveryEvent } from '../../domain/delivery.events';
import { toDeliveryView } from './delivery.view';

const stateAfter = (events: DeliveryEvent[]) => fold(deliveryDecider, deliveryDecider.initialState(), events);

describe('delivery view', () => {
  it('shows a new delivery with both addresses, no courier and no readyBy', () => {
    expect(toDeliveryView(orderId, stateAfter(historyUntil.PENDING()), 2)).toEqual({
      orderId,
      restaurantId,
      state: 'PENDING',
      courierId: null,
      pickupAddress,
      deliveryAddress,
      readyBy: null,
      readyForPickup: false,
      version: 2,
    });
  });

  it('shows the courier and readyBy once assigned, and whether the food is ready', () => {
    expect(toDeliveryView(orderId, stateAfter(historyUntil.ASSIGNED()), 4)).toMatchObject({ state: 'ASSIGNED', courierId, readyBy, readyForPickup: false });
    expect(toDeliveryView(orderId, stateAfter(historyUntil.READY_FOR_PICKUP()), 5)).toMatchObject({ state: 'ASSIGNED', readyForPickup: true });
  });

  it('refuses an order without a delivery as not found, also when only its creation or the kitchen’s news is known', () => {
    for (const events of [[], [orderNoted()], [ticketAcceptanceNoted()]]) {
      expect(() => toDeliveryView(orderId, stateAfter(events), events.length)).toThrow(expect.objectContaining({ code: DeliveryErrorCodes.NotFound }));
    }
  });
});
