import type { DomainEvent } from '@brigade/domain';

// Internal events, as stored in the courier's stream (stream id = courierId). Registration and
// shifts are published (delivery.courier.*); which delivery a courier carries is published by
// the Delivery (delivery.delivery.courier-assigned.v1 ...), so the last two stay inside.
export type CourierRegistered = DomainEvent<'CourierRegistered', { readonly courierId: string; readonly name: string }>;
export type CourierAvailabilityChanged = DomainEvent<'CourierAvailabilityChanged', { readonly courierId: string; readonly available: boolean }>;
export type CourierDeliveryAssigned = DomainEvent<'CourierDeliveryAssigned', { readonly courierId: string; readonly orderId: string }>;
/** The courier is done with the delivery: delivered, or the order was cancelled. */
export type CourierDeliveryReleased = DomainEvent<'CourierDeliveryReleased', { readonly courierId: string; readonly orderId: string }>;

export type CourierEvent = CourierRegistered | CourierAvailabilityChanged | CourierDeliveryAssigned | CourierDeliveryReleased;
