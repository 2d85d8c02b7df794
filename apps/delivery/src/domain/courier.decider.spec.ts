import { fold } from '@brigade/domain';
import { given } from '@brigade/testing';
import {
  assignDelivery,
  availabilityChanged,
  courierDeliveryAssigned,
  courierDeliveryReleased,
  courierId,
  courierRegistered,
  otherOrderId,
  registerCourier,
  releaseDelivery,
  setAvailability,
} from '../../test/delivery.mothers';
import { courierDecider as courier } from './courier.decider';
import { CourierErrorCodes as Codes } from './courier.errors';
import type { CourierEvent } from './courier.events';
import { isFree } from './courier.state';

const onShift = () => [courierRegistered(), availabilityChanged(true)];
const carrying = () => [...onShift(), courierDeliveryAssigned()];

describe('Courier', () => {
  describe('RegisterCourier', () => {
    it('registers a courier, off shift and carrying nothing', () => {
      given(courier, []).when(registerCourier()).then([courierRegistered()]);
      expect(fold(courier, courier.initialState(), [courierRegistered()])).toEqual({
        status: 'REGISTERED',
        courierId,
        name: 'Grace Hopper',
        available: false,
        deliveryOrderId: null,
      });
    });

    it('refuses to register the same courier twice', () => {
      given(courier, [courierRegistered()]).when(registerCourier()).thenThrows(Codes.AlreadyRegistered);
    });
  });

  describe('SetAvailability', () => {
    it('puts a courier on shift, and off it again', () => {
      given(courier, [courierRegistered()]).when(setAvailability(true)).then([availabilityChanged(true)]);
      given(courier, onShift()).when(setAvailability(false)).then([availabilityChanged(false)]);
    });

    it('decides nothing when the courier already has that availability (a repeat)', () => {
      given(courier, [courierRegistered()]).when(setAvailability(false)).then([]);
      given(courier, onShift()).when(setAvailability(true)).then([]);
    });

    it('lets a courier carrying a delivery go off shift (they still finish it)', () => {
      given(courier, carrying()).when(setAvailability(false)).then([availabilityChanged(false)]);
    });

    it('refuses a courier that does not exist', () => {
      given(courier, []).when(setAvailability(true)).thenThrows(Codes.NotFound);
    });
  });

  describe('AssignDelivery', () => {
    it('gives a free courier the delivery', () => {
      given(courier, onShift()).when(assignDelivery()).then([courierDeliveryAssigned()]);
    });

    it('decides nothing when the courier already carries that delivery (a repeat)', () => {
      given(courier, carrying()).when(assignDelivery()).then([]);
    });

    it('refuses a second delivery: a courier carries one at a time', () => {
      given(courier, carrying()).when(assignDelivery(otherOrderId)).thenThrows(Codes.Busy);
    });

    it('refuses a courier off shift', () => {
      given(courier, [courierRegistered()]).when(assignDelivery()).thenThrows(Codes.Unavailable);
    });

    it('refuses a courier that does not exist', () => {
      given(courier, []).when(assignDelivery()).thenThrows(Codes.NotFound);
    });
  });

  describe('ReleaseDelivery', () => {
    it('frees the courier of the delivery they carry', () => {
      given(courier, carrying()).when(releaseDelivery()).then([courierDeliveryReleased()]);
    });

    it('decides nothing for a delivery the courier does not carry (a repeat, or another one)', () => {
      given(courier, [...carrying(), courierDeliveryReleased()]).when(releaseDelivery()).then([]);
      given(courier, carrying()).when(releaseDelivery(otherOrderId)).then([]);
    });
  });

  describe('free (what the assignment board lists)', () => {
    const stateAfter = (events: CourierEvent[]) => fold(courier, courier.initialState(), events);

    it('is free only on shift and carrying nothing', () => {
      expect(isFree(courier.initialState())).toBe(false);
      expect(isFree(stateAfter([courierRegistered()]))).toBe(false);
      expect(isFree(stateAfter(onShift()))).toBe(true);
      expect(isFree(stateAfter(carrying()))).toBe(false);
      expect(isFree(stateAfter([...carrying(), courierDeliveryReleased()]))).toBe(true);
      expect(isFree(stateAfter([...carrying(), availabilityChanged(false), courierDeliveryReleased()]))).toBe(false);
    });

    it('refuses a stream that changes a courier it never registered (a corrupt stream is a bug)', () => {
      expect(() => stateAfter([availabilityChanged(true)])).toThrow(/without CourierRegistered/);
    });
  });
});
