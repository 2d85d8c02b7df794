import { assertNever, Decider } from '@brigade/domain';
import type { CancelDelivery, CreateDelivery, DeliveryCommand } from './delivery.commands';
import {
  DeliveryNotFoundError,
  IllegalDeliveryTransitionError,
  NoCourierError,
  NotPickedUpError,
  NotReadyForPickupError,
} from './delivery.errors';
import type { DeliveryEvent } from './delivery.events';
import type { DeliveryDetails, DeliveryState, ExistingDelivery, KitchenProgress } from './delivery.state';

const NOTHING_FROM_THE_KITCHEN: KitchenProgress = { readyBy: null, readyForPickup: false };

/**
 * The Delivery aggregate (one per order, stream id = orderId). Reactions to the order's and the
 * kitchen's events are idempotent and accept any arrival order between the two durables: the
 * kitchen's news is noted even before the delivery exists. The courier's commands (pickup,
 * deliver) are strict: out of turn they are refused (409), repeats included.
 */
export const deliveryDecider: Decider<DeliveryCommand, DeliveryEvent, DeliveryState> = {
  initialState: () => ({ status: 'NONE' }),

  decide(command, state) {
    switch (command.type) {
      case 'NoteOrder': {
        const firstHeard = state.status === 'NONE' || (state.status === 'AWAITING_APPROVAL' && state.order === null);
        return firstHeard ? [{ type: 'OrderNoted', data: command.data }] : [];
      }
      case 'CreateDelivery':
        return createDelivery(command, state);
      case 'WithdrawOrder': {
        // Rejected: only an order awaiting approval has something to forget.
        return state.status === 'AWAITING_APPROVAL' ? [{ type: 'OrderWithdrawn', data: { orderId: state.orderId, reason: 'rejected' } }] : [];
      }
      case 'CancelDelivery':
        return cancelDelivery(command, state);
      case 'NoteTicketAccepted': {
        const { orderId, readyBy } = command.data;
        const progress = kitchenProgress(state);
        return progress && progress.readyBy === null ? [{ type: 'TicketAcceptanceNoted', data: { orderId, readyBy } }] : [];
      }
      case 'NoteTicketReady': {
        const { orderId } = command.data;
        const progress = kitchenProgress(state);
        return progress && !progress.readyForPickup ? [{ type: 'TicketReadinessNoted', data: { orderId } }] : [];
      }
      case 'AssignCourier': {
        const { orderId, courierId } = command.data;
        const delivery = existing(state, orderId);
        if (delivery.status === 'ASSIGNED' && delivery.courierId === courierId) return [];
        if (delivery.status !== 'PENDING' || delivery.readyBy === null) throw new IllegalDeliveryTransitionError(orderId, delivery.status, 'be assigned a courier');
        return [{ type: 'DeliveryCourierAssigned', data: { orderId, restaurantId: delivery.restaurantId, courierId, readyBy: delivery.readyBy } }];
      }
      case 'PickUp': {
        const { orderId } = command.data;
        const delivery = existing(state, orderId);
        if (delivery.status === 'PENDING') throw new NoCourierError(orderId);
        if (delivery.status !== 'ASSIGNED') throw new IllegalDeliveryTransitionError(orderId, delivery.status, 'be picked up');
        if (!delivery.readyForPickup) throw new NotReadyForPickupError(orderId);
        return [{ type: 'DeliveryPickedUp', data: { orderId, restaurantId: delivery.restaurantId, courierId: delivery.courierId } }];
      }
      case 'Deliver': {
        const { orderId } = command.data;
        const delivery = existing(state, orderId);
        if (delivery.status === 'PENDING' || delivery.status === 'ASSIGNED') throw new NotPickedUpError(orderId, delivery.status);
        if (delivery.status !== 'PICKED_UP') throw new IllegalDeliveryTransitionError(orderId, delivery.status, 'be delivered');
        return [{ type: 'DeliveryDelivered', data: { orderId, restaurantId: delivery.restaurantId, courierId: delivery.courierId } }];
      }
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'OrderNoted':
        return { status: 'AWAITING_APPROVAL', orderId: event.data.orderId, order: event.data, kitchen: kitchenProgress(state) ?? NOTHING_FROM_THE_KITCHEN };
      case 'OrderWithdrawn':
        return { status: 'WITHDRAWN', orderId: event.data.orderId };
      case 'TicketAcceptanceNoted':
        return withKitchen(state, event.data.orderId, { readyBy: event.data.readyBy });
      case 'TicketReadinessNoted':
        return withKitchen(state, event.data.orderId, { readyForPickup: true });
      case 'DeliveryCreated': {
        if (state.status !== 'AWAITING_APPROVAL') throw new Error(`DeliveryCreated in a stream without OrderNoted`);
        return { status: 'PENDING', courierId: null, ...event.data, ...state.kitchen };
      }
      case 'DeliveryCourierAssigned':
        return { ...detailsOf(state, event.type), status: 'ASSIGNED', courierId: event.data.courierId };
      case 'DeliveryPickedUp':
        return { ...detailsOf(state, event.type), status: 'PICKED_UP', courierId: event.data.courierId };
      case 'DeliveryDelivered':
        return { ...detailsOf(state, event.type), status: 'DELIVERED', courierId: event.data.courierId };
      case 'DeliveryCancelled':
        return { ...detailsOf(state, event.type), status: 'CANCELLED', courierId: event.data.courierId };
      default:
        return assertNever(event);
    }
  },
};

/**
 * The order was approved: its delivery is created PENDING, from the address the order gave and
 * the restaurant's. An approval before the order's creation, or before the restaurant is in the
 * replica, is not a business answer but an event (or a replica) that is late: thrown as a plain
 * error, so the message is retried, then parked for an operator, never dropped.
 */
function createDelivery({ data }: CreateDelivery, state: DeliveryState): DeliveryEvent[] {
  if (state.status === 'WITHDRAWN' || 'pickupAddress' in state) return [];
  const order = state.status === 'AWAITING_APPROVAL' ? state.order : null;
  if (!order) throw new Error(`order ${data.orderId} was approved before delivery saw it created`);
  if (!data.pickupAddress) throw new Error(`restaurant ${data.restaurantId} is not in delivery's replica yet`);
  return [{ type: 'DeliveryCreated', data: { ...order, pickupAddress: data.pickupAddress } }];
}

/**
 * The order was cancelled: a delivery not yet picked up is cancelled (its courier, if any, is
 * freed by the caller). An order delivery never heard of records nothing; one not yet approved
 * here (its approval late) is withdrawn, so that the late approval creates nothing.
 */
function cancelDelivery({ data }: CancelDelivery, state: DeliveryState): DeliveryEvent[] {
  switch (state.status) {
    case 'NONE':
    case 'WITHDRAWN':
    case 'CANCELLED':
      return [];
    case 'AWAITING_APPROVAL':
      return [{ type: 'OrderWithdrawn', data: { orderId: data.orderId, reason: 'cancelled' } }];
    case 'PENDING':
    case 'ASSIGNED':
      return [{ type: 'DeliveryCancelled', data: { orderId: data.orderId, restaurantId: state.restaurantId, courierId: state.courierId } }];
    case 'PICKED_UP':
    case 'DELIVERED':
      throw new IllegalDeliveryTransitionError(data.orderId, state.status, 'be cancelled');
    default:
      return assertNever(state);
  }
}

/** What the kitchen said so far, where the kitchen's news still matters (null: a withdrawn, cancelled or finished delivery). */
function kitchenProgress(state: DeliveryState): KitchenProgress | null {
  switch (state.status) {
    case 'NONE':
      return NOTHING_FROM_THE_KITCHEN;
    case 'AWAITING_APPROVAL':
      return state.kitchen;
    case 'PENDING':
    case 'ASSIGNED':
      return { readyBy: state.readyBy, readyForPickup: state.readyForPickup };
    default:
      return null;
  }
}

function withKitchen(state: DeliveryState, orderId: string, news: Partial<KitchenProgress>): DeliveryState {
  switch (state.status) {
    case 'NONE':
      return { status: 'AWAITING_APPROVAL', orderId, order: null, kitchen: { ...NOTHING_FROM_THE_KITCHEN, ...news } };
    case 'AWAITING_APPROVAL':
      return { ...state, kitchen: { ...state.kitchen, ...news } };
    case 'WITHDRAWN':
      return state;
    default:
      return { ...state, ...news };
  }
}

/** A delivery that exists; the courier's commands and the assignment rule cannot act on one that does not. */
function existing(state: DeliveryState, orderId: string): ExistingDelivery {
  if (!('pickupAddress' in state)) throw new DeliveryNotFoundError(orderId);
  return state;
}

/** An event that needs a delivery in a stream without one is a corrupt stream: a bug, not a business answer. */
function detailsOf(state: DeliveryState, eventType: string): DeliveryDetails {
  if (!('pickupAddress' in state)) throw new Error(`${eventType} in a stream without DeliveryCreated`);
  const { orderId, consumerId, restaurantId, deliveryAddress, pickupAddress, readyBy, readyForPickup } = state;
  return { orderId, consumerId, restaurantId, deliveryAddress, pickupAddress, readyBy, readyForPickup };
}
