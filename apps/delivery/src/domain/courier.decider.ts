import { assertNever, Decider } from '@brigade/domain';
import type { CourierCommand } from './courier.commands';
import { CourierAlreadyRegisteredError, CourierBusyError, CourierNotFoundError, CourierUnavailableError } from './courier.errors';
import type { CourierEvent } from './courier.events';
import type { CourierState, RegisteredCourier } from './courier.state';

/**
 * The Courier aggregate (stream id = courierId). A courier carries at most one delivery: taking
 * a second is refused (BUSY), and so is taking one off shift (UNAVAILABLE). The assignment rule
 * only offers free couriers; these refusals are what make a stale offer fail (see assign-courier).
 * Setting the availability it already has, taking the delivery it carries, or releasing one it
 * does not carry decide nothing: repeats are harmless.
 */
export const courierDecider: Decider<CourierCommand, CourierEvent, CourierState> = {
  initialState: () => ({ status: 'NONE' }),

  decide(command, state) {
    switch (command.type) {
      case 'RegisterCourier': {
        const { courierId, name } = command.data;
        if (state.status !== 'NONE') throw new CourierAlreadyRegisteredError(courierId);
        return [{ type: 'CourierRegistered', data: { courierId, name } }];
      }
      case 'SetAvailability': {
        const { courierId, available } = command.data;
        const courier = registered(state, courierId);
        return courier.available === available ? [] : [{ type: 'CourierAvailabilityChanged', data: { courierId, available } }];
      }
      case 'AssignDelivery': {
        const { courierId, orderId } = command.data;
        const courier = registered(state, courierId);
        if (courier.deliveryOrderId === orderId) return [];
        if (courier.deliveryOrderId !== null) throw new CourierBusyError(courierId, orderId, courier.deliveryOrderId);
        if (!courier.available) throw new CourierUnavailableError(courierId, orderId);
        return [{ type: 'CourierDeliveryAssigned', data: { courierId, orderId } }];
      }
      case 'ReleaseDelivery': {
        const { courierId, orderId } = command.data;
        const courier = registered(state, courierId);
        return courier.deliveryOrderId === orderId ? [{ type: 'CourierDeliveryReleased', data: { courierId, orderId } }] : [];
      }
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'CourierRegistered':
        return { status: 'REGISTERED', ...event.data, available: false, deliveryOrderId: null };
      case 'CourierAvailabilityChanged':
        return { ...existing(state, event.type), available: event.data.available };
      case 'CourierDeliveryAssigned':
        return { ...existing(state, event.type), deliveryOrderId: event.data.orderId };
      case 'CourierDeliveryReleased':
        return { ...existing(state, event.type), deliveryOrderId: null };
      default:
        return assertNever(event);
    }
  },
};

function registered(state: CourierState, courierId: string): RegisteredCourier {
  if (state.status === 'NONE') throw new CourierNotFoundError(courierId);
  return state;
}

/** An event about a courier in a stream without its registration is a corrupt stream: a bug, not a business answer. */
function existing(state: CourierState, eventType: string): RegisteredCourier {
  if (state.status === 'NONE') throw new Error(`${eventType} in a stream without CourierRegistered`);
  return state;
}
