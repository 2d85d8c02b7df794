// Object mothers for the delivery app's unit tests: a valid value, with what the test cares about overridden.
import type { AssignDelivery, RegisterCourier, ReleaseDelivery, SetAvailability } from '../src/domain/courier.commands';
import type { CourierAvailabilityChanged, CourierDeliveryAssigned, CourierDeliveryReleased, CourierRegistered } from '../src/domain/courier.events';
import type {
  AssignCourier,
  CancelDelivery,
  CreateDelivery,
  Deliver,
  NoteOrder,
  NoteTicketAccepted,
  NoteTicketReady,
  PickUp,
  WithdrawOrder,
} from '../src/domain/delivery.commands';
import type {
  Address,
  DeliveryCancelled,
  DeliveryCourierAssigned,
  DeliveryCreated,
  DeliveryDelivered,
  DeliveryEvent,
  DeliveryPickedUp,
  OrderNoted,
  OrderWithdrawn,
  TicketAcceptanceNoted,
  TicketReadinessNoted,
} from '../src/domain/delivery.events';

export const orderId = '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c01';
export const consumerId = '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b01';
export const restaurantId = '6f1c1a52-4a8e-4d5e-9a57-2f0d0c6b1a01';
export const courierId = '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b01';
export const otherCourierId = '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b02';
export const otherOrderId = '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c02';
export const readyBy = '2026-11-27T12:30:00.000Z';
export const pickupAddress: Address = { street1: '1 Main Street', street2: 'Unit 2', city: 'Oakland', zip: '94611' };
export const deliveryAddress: Address = { street1: '9 Elm Street', city: 'Oakland', zip: '94612' };

// Delivery commands
export const noteOrder = (): NoteOrder => ({ type: 'NoteOrder', data: { orderId, consumerId, restaurantId, deliveryAddress } });
export const createDelivery = (overrides: Partial<CreateDelivery['data']> = {}): CreateDelivery => ({
  type: 'CreateDelivery',
  data: { orderId, restaurantId, pickupAddress, ...overrides },
});
export const withdrawOrder = (): WithdrawOrder => ({ type: 'WithdrawOrder', data: { orderId } });
export const noteTicketAccepted = (at = readyBy): NoteTicketAccepted => ({ type: 'NoteTicketAccepted', data: { orderId, readyBy: at } });
export const noteTicketReady = (): NoteTicketReady => ({ type: 'NoteTicketReady', data: { orderId } });
export const cancelDelivery = (): CancelDelivery => ({ type: 'CancelDelivery', data: { orderId } });
export const assignCourier = (courier = courierId): AssignCourier => ({ type: 'AssignCourier', data: { orderId, courierId: courier } });
export const pickUp = (): PickUp => ({ type: 'PickUp', data: { orderId } });
export const deliver = (): Deliver => ({ type: 'Deliver', data: { orderId } });

// Delivery events
export const orderNoted = (): OrderNoted => ({ type: 'OrderNoted', data: noteOrder().data });
export const orderWithdrawn = (reason: 'rejected' | 'cancelled' = 'rejected'): OrderWithdrawn => ({ type: 'OrderWithdrawn', data: { orderId, reason } });
export const ticketAcceptanceNoted = (at = readyBy): TicketAcceptanceNoted => ({ type: 'TicketAcceptanceNoted', data: { orderId, readyBy: at } });
export const ticketReadinessNoted = (): TicketReadinessNoted => ({ type: 'TicketReadinessNoted', data: { orderId } });
export const deliveryCreated = (): DeliveryCreated => ({ type: 'DeliveryCreated', data: { orderId, consumerId, restaurantId, deliveryAddress, pickupAddress } });
export const deliveryCourierAssigned = (courier = courierId): DeliveryCourierAssigned => ({
  type: 'DeliveryCourierAssigned',
  data: { orderId, restaurantId, courierId: courier, readyBy },
});
export const deliveryPickedUp = (): DeliveryPickedUp => ({ type: 'DeliveryPickedUp', data: { orderId, restaurantId, courierId } });
export const deliveryDelivered = (): DeliveryDelivered => ({ type: 'DeliveryDelivered', data: { orderId, restaurantId, courierId } });
export const deliveryCancelled = (courier: string | null = null): DeliveryCancelled => ({ type: 'DeliveryCancelled', data: { orderId, restaurantId, courierId: courier } });

/** The history of a delivery that reached `state` on the happy path. */
export const historyUntil: Record<string, () => DeliveryEvent[]> = {
  PENDING: () => [orderNoted(), deliveryCreated()],
  AWAITING_COURIER: () => [orderNoted(), deliveryCreated(), ticketAcceptanceNoted()],
  ASSIGNED: () => [orderNoted(), deliveryCreated(), ticketAcceptanceNoted(), deliveryCourierAssigned()],
  READY_FOR_PICKUP: () => [orderNoted(), deliveryCreated(), ticketAcceptanceNoted(), deliveryCourierAssigned(), ticketReadinessNoted()],
  PICKED_UP: () => [orderNoted(), deliveryCreated(), ticketAcceptanceNoted(), deliveryCourierAssigned(), ticketReadinessNoted(), deliveryPickedUp()],
  DELIVERED: () => [
    orderNoted(),
    deliveryCreated(),
    ticketAcceptanceNoted(),
    deliveryCourierAssigned(),
    ticketReadinessNoted(),
    deliveryPickedUp(),
    deliveryDelivered(),
  ],
  CANCELLED: () => [orderNoted(), deliveryCreated(), deliveryCancelled()],
};

// Courier commands and events
export const registerCourier = (): RegisterCourier => ({ type: 'RegisterCourier', data: { courierId, name: 'Grace Hopper' } });
export const setAvailability = (available: boolean): SetAvailability => ({ type: 'SetAvailability', data: { courierId, available } });
export const assignDelivery = (order = orderId): AssignDelivery => ({ type: 'AssignDelivery', data: { courierId, orderId: order } });
export const releaseDelivery = (order = orderId): ReleaseDelivery => ({ type: 'ReleaseDelivery', data: { courierId, orderId: order } });
export const courierRegistered = (): CourierRegistered => ({ type: 'CourierRegistered', data: registerCourier().data });
export const availabilityChanged = (available: boolean): CourierAvailabilityChanged => ({ type: 'CourierAvailabilityChanged', data: { courierId, available } });
export const courierDeliveryAssigned = (order = orderId): CourierDeliveryAssigned => ({ type: 'CourierDeliveryAssigned', data: { courierId, orderId: order } });
export const courierDeliveryReleased = (order = orderId): CourierDeliveryReleased => ({ type: 'CourierDeliveryReleased', data: { courierId, orderId: order } });
