import { fold } from '@brigade/domain';
import { given } from '@brigade/testing';
import {
  assignCourier,
  cancelDelivery,
  consumerId,
  courierId,
  createDelivery,
  deliver,
  deliveryAddress,
  deliveryCancelled,
  deliveryCourierAssigned,
  deliveryCreated,
  deliveryDelivered,
  deliveryPickedUp,
  historyUntil,
  noteOrder,
  noteTicketAccepted,
  noteTicketReady,
  orderId,
  orderNoted,
  orderWithdrawn,
  otherCourierId,
  pickupAddress,
  pickUp,
  readyBy,
  restaurantId,
  ticketAcceptanceNoted,
  ticketReadinessNoted,
  withdrawOrder,
} from '../../test/delivery.mothers';
import { deliveryDecider as delivery } from './delivery.decider';
import { DeliveryErrorCodes as Codes } from './delivery.errors';
import type { DeliveryEvent } from './delivery.events';
import { awaitsCourier } from './delivery.state';

const stateAfter = (events: DeliveryEvent[]) => fold(delivery, delivery.initialState(), events);

describe('Delivery', () => {
  describe('NoteOrder (orders.order.created.v1)', () => {
    it('remembers the order and its delivery address until it is approved', () => {
      given(delivery, []).when(noteOrder()).then([orderNoted()]);
    });

    it('decides nothing for an order it already noted or that already has a delivery (a duplicate)', () => {
      given(delivery, [orderNoted()]).when(noteOrder()).then([]);
      given(delivery, historyUntil.PENDING()).when(noteOrder()).then([]);
    });

    it('notes the order when only the kitchen had spoken of it', () => {
      given(delivery, [ticketAcceptanceNoted()]).when(noteOrder()).then([orderNoted()]);
    });
  });

  describe('CreateDelivery (orders.order.approved.v1)', () => {
    it('creates the delivery PENDING, from the restaurant to the order’s address', () => {
      given(delivery, [orderNoted()]).when(createDelivery()).then([deliveryCreated()]);
      expect(stateAfter([orderNoted(), deliveryCreated()])).toEqual({
        status: 'PENDING',
        orderId,
        consumerId,
        restaurantId,
        pickupAddress,
        deliveryAddress,
        courierId: null,
        readyBy: null,
        readyForPickup: false,
      });
    });

    it('keeps the kitchen’s news that overtook the approval: the new delivery awaits a courier at once', () => {
      given(delivery, [orderNoted(), ticketAcceptanceNoted()]).when(createDelivery()).then([deliveryCreated()]);
      const state = stateAfter([ticketAcceptanceNoted(), orderNoted(), ticketReadinessNoted(), deliveryCreated()]);
      expect(state).toMatchObject({ status: 'PENDING', readyBy, readyForPickup: true });
      expect(awaitsCourier(state)).toBe(true);
    });

    it('decides nothing when the delivery exists (a duplicate) or the order was withdrawn', () => {
      given(delivery, historyUntil.ASSIGNED()).when(createDelivery()).then([]);
      given(delivery, [orderNoted(), orderWithdrawn('cancelled')]).when(createDelivery()).then([]);
    });

    it('fails (to be retried, never a final answer) when the order’s creation or the restaurant has not arrived yet', () => {
      expect(() => delivery.decide(createDelivery(), delivery.initialState())).toThrow(/before delivery saw it created/);
      expect(() => delivery.decide(createDelivery(), stateAfter([ticketAcceptanceNoted()]))).toThrow(/before delivery saw it created/);
      expect(() => delivery.decide(createDelivery({ pickupAddress: null }), stateAfter([orderNoted()]))).toThrow(/not in delivery's replica yet/);
    });
  });

  describe('WithdrawOrder (orders.order.rejected.v1)', () => {
    it('forgets a rejected order: nothing to deliver', () => {
      given(delivery, [orderNoted()]).when(withdrawOrder()).then([orderWithdrawn('rejected')]);
      expect(stateAfter([orderNoted(), orderWithdrawn()])).toEqual({ status: 'WITHDRAWN', orderId });
    });

    it('decides nothing for an order it never saw, or one already withdrawn', () => {
      given(delivery, []).when(withdrawOrder()).then([]);
      given(delivery, [orderNoted(), orderWithdrawn()]).when(withdrawOrder()).then([]);
    });
  });

  describe('NoteTicketAccepted (kitchen.ticket.accepted.v1)', () => {
    it('notes readyBy: the delivery now awaits a courier', () => {
      given(delivery, historyUntil.PENDING()).when(noteTicketAccepted()).then([ticketAcceptanceNoted()]);
      expect(awaitsCourier(stateAfter(historyUntil.PENDING()))).toBe(false);
      expect(awaitsCourier(stateAfter(historyUntil.AWAITING_COURIER()))).toBe(true);
    });

    it('notes it before the delivery exists (the kitchen’s durable overtook the approval)', () => {
      given(delivery, []).when(noteTicketAccepted()).then([ticketAcceptanceNoted()]);
      given(delivery, [orderNoted()]).when(noteTicketAccepted()).then([ticketAcceptanceNoted()]);
    });

    it.each(['AWAITING_COURIER', 'ASSIGNED', 'PICKED_UP', 'DELIVERED', 'CANCELLED'])('decides nothing for a delivery %s (a duplicate, or too late)', (state) => {
      given(delivery, historyUntil[state]()).when(noteTicketAccepted()).then([]);
    });

    it('decides nothing for a withdrawn order', () => {
      given(delivery, [orderNoted(), orderWithdrawn()]).when(noteTicketAccepted()).then([]);
    });
  });

  describe('NoteTicketReady (kitchen.ticket.ready-for-pickup.v1)', () => {
    it('notes the food is ready, with or without a courier yet', () => {
      given(delivery, historyUntil.ASSIGNED()).when(noteTicketReady()).then([ticketReadinessNoted()]);
      given(delivery, historyUntil.AWAITING_COURIER()).when(noteTicketReady()).then([ticketReadinessNoted()]);
      given(delivery, [ticketAcceptanceNoted()]).when(noteTicketReady()).then([ticketReadinessNoted()]);
    });

    it.each(['READY_FOR_PICKUP', 'PICKED_UP', 'CANCELLED'])('decides nothing for a delivery %s', (state) => {
      given(delivery, historyUntil[state]()).when(noteTicketReady()).then([]);
    });
  });

  describe('AssignCourier (the assignment rule)', () => {
    it('gives a delivery awaiting a courier its courier, with the kitchen’s readyBy', () => {
      given(delivery, historyUntil.AWAITING_COURIER()).when(assignCourier()).then([deliveryCourierAssigned()]);
      expect(stateAfter(historyUntil.ASSIGNED())).toMatchObject({ status: 'ASSIGNED', courierId });
      expect(awaitsCourier(stateAfter(historyUntil.ASSIGNED()))).toBe(false);
    });

    it('decides nothing when the delivery already has that courier (a repeat)', () => {
      given(delivery, historyUntil.ASSIGNED()).when(assignCourier()).then([]);
    });

    it('refuses a second courier, a delivery whose ticket is not accepted, and a cancelled one', () => {
      given(delivery, historyUntil.ASSIGNED()).when(assignCourier(otherCourierId)).thenThrows(Codes.IllegalTransition);
      given(delivery, historyUntil.PENDING()).when(assignCourier()).thenThrows(Codes.IllegalTransition);
      given(delivery, historyUntil.CANCELLED()).when(assignCourier()).thenThrows(Codes.IllegalTransition);
    });

    it('refuses an order without a delivery', () => {
      given(delivery, [orderNoted(), ticketAcceptanceNoted()]).when(assignCourier()).thenThrows(Codes.NotFound);
    });
  });

  describe('PickUp', () => {
    it('picks up an assigned delivery whose food is ready: PICKED_UP', () => {
      given(delivery, historyUntil.READY_FOR_PICKUP()).when(pickUp()).then([deliveryPickedUp()]);
    });

    it('refuses while the food is not ready (409 NOT_READY_FOR_PICKUP)', () => {
      given(delivery, historyUntil.ASSIGNED()).when(pickUp()).thenThrows(Codes.NotReadyForPickup);
    });

    it('refuses without a courier, even with the food ready (409 NO_COURIER)', () => {
      given(delivery, [...historyUntil.AWAITING_COURIER(), ticketReadinessNoted()]).when(pickUp()).thenThrows(Codes.NoCourier);
      given(delivery, historyUntil.PENDING()).when(pickUp()).thenThrows(Codes.NoCourier);
    });

    it.each(['PICKED_UP', 'DELIVERED', 'CANCELLED'])('refuses a delivery %s (a repeat is refused too)', (state) => {
      given(delivery, historyUntil[state]()).when(pickUp()).thenThrows(Codes.IllegalTransition);
    });

    it('refuses an order without a delivery', () => {
      given(delivery, []).when(pickUp()).thenThrows(Codes.NotFound);
      given(delivery, [orderNoted()]).when(pickUp()).thenThrows(Codes.NotFound);
    });
  });

  describe('Deliver', () => {
    it('delivers a picked-up delivery: DELIVERED', () => {
      given(delivery, historyUntil.PICKED_UP()).when(deliver()).then([deliveryDelivered()]);
    });

    it.each(['PENDING', 'ASSIGNED', 'READY_FOR_PICKUP'])('refuses a delivery not picked up yet (%s): 409 NOT_PICKED_UP', (state) => {
      given(delivery, historyUntil[state]()).when(deliver()).thenThrows(Codes.NotPickedUp);
    });

    it.each(['DELIVERED', 'CANCELLED'])('refuses a delivery %s (a repeat is refused too)', (state) => {
      given(delivery, historyUntil[state]()).when(deliver()).thenThrows(Codes.IllegalTransition);
    });
  });

  describe('CancelDelivery (orders.order.cancelled.v1)', () => {
    it('cancels a delivery without a courier', () => {
      given(delivery, historyUntil.AWAITING_COURIER()).when(cancelDelivery()).then([deliveryCancelled(null)]);
      expect(awaitsCourier(stateAfter([...historyUntil.AWAITING_COURIER(), deliveryCancelled(null)]))).toBe(false);
    });

    it('cancels an assigned delivery, naming the courier it frees', () => {
      given(delivery, historyUntil.READY_FOR_PICKUP()).when(cancelDelivery()).then([deliveryCancelled(courierId)]);
      expect(stateAfter([...historyUntil.ASSIGNED(), deliveryCancelled(courierId)])).toMatchObject({ status: 'CANCELLED', courierId });
    });

    it('records nothing for an order it never heard of, and nothing twice', () => {
      given(delivery, []).when(cancelDelivery()).then([]);
      given(delivery, historyUntil.CANCELLED()).when(cancelDelivery()).then([]);
      given(delivery, [orderNoted(), orderWithdrawn()]).when(cancelDelivery()).then([]);
    });

    it('withdraws an order whose approval has not arrived, so a late approval creates nothing', () => {
      given(delivery, [orderNoted()]).when(cancelDelivery()).then([orderWithdrawn('cancelled')]);
    });

    it.each(['PICKED_UP', 'DELIVERED'])('refuses to cancel a delivery %s: the food is on its way', (state) => {
      given(delivery, historyUntil[state]()).when(cancelDelivery()).thenThrows(Codes.IllegalTransition);
    });
  });

  describe('state', () => {
    it('follows the whole happy path', () => {
      expect(delivery.initialState()).toEqual({ status: 'NONE' });
      expect(stateAfter(historyUntil.DELIVERED())).toEqual({ ...stateAfter(historyUntil.PENDING()), status: 'DELIVERED', courierId, readyBy, readyForPickup: true });
    });

    it('refuses a stream that assigns a courier to a delivery it never created (a corrupt stream is a bug)', () => {
      expect(() => stateAfter([orderNoted(), deliveryCourierAssigned()])).toThrow(/without DeliveryCreated/);
      expect(() => stateAfter([deliveryCreated()])).toThrow(/without OrderNoted/);
    });
  });
});
