import type { DomainEvent } from '@brigade/domain';

/** Where a delivery goes from (the restaurant) or to (the order's delivery address). */
export interface Address {
  readonly street1: string;
  readonly street2?: string;
  readonly city: string;
  readonly zip: string;
}

/** What delivery keeps of an order from orders.order.created.v1. */
export interface OrderToDeliver {
  readonly orderId: string;
  readonly consumerId: string;
  readonly restaurantId: string;
  readonly deliveryAddress: Address;
}

interface DeliveryRef {
  readonly orderId: string;
  readonly restaurantId: string;
}

// Internal events, as stored in the delivery's stream (stream id = orderId). What other contexts
// see are the contracts in @brigade/contracts/delivery; infrastructure/ maps one to the other.

/** The order was placed: its delivery address is remembered until the order is approved or rejected. Not published. */
export type OrderNoted = DomainEvent<'OrderNoted', OrderToDeliver>;
/** The order was rejected (or cancelled) before its delivery was created: nothing to deliver, the address is forgotten. Not published. */
export type OrderWithdrawn = DomainEvent<'OrderWithdrawn', { readonly orderId: string; readonly reason: 'rejected' | 'cancelled' }>;
/** The kitchen accepted the ticket, promising the food by `readyBy`: the delivery now needs a courier. Not published. */
export type TicketAcceptanceNoted = DomainEvent<'TicketAcceptanceNoted', { readonly orderId: string; readonly readyBy: string }>;
/** The food waits at the restaurant: the courier may pick it up. Not published. */
export type TicketReadinessNoted = DomainEvent<'TicketReadinessNoted', { readonly orderId: string }>;

export type DeliveryCreated = DomainEvent<'DeliveryCreated', OrderToDeliver & { readonly pickupAddress: Address }>;
export type DeliveryCourierAssigned = DomainEvent<'DeliveryCourierAssigned', DeliveryRef & { readonly courierId: string; readonly readyBy: string }>;
export type DeliveryPickedUp = DomainEvent<'DeliveryPickedUp', DeliveryRef & { readonly courierId: string }>;
export type DeliveryDelivered = DomainEvent<'DeliveryDelivered', DeliveryRef & { readonly courierId: string }>;
/** `courierId`: the courier it had (now free), or null when none was assigned yet. */
export type DeliveryCancelled = DomainEvent<'DeliveryCancelled', DeliveryRef & { readonly courierId: string | null }>;

export type DeliveryEvent =
  | OrderNoted
  | OrderWithdrawn
  | TicketAcceptanceNoted
  | TicketReadinessNoted
  | DeliveryCreated
  | DeliveryCourierAssigned
  | DeliveryPickedUp
  | DeliveryDelivered
  | DeliveryCancelled;
