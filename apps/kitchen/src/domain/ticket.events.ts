import type { DomainEvent } from '@brigade/domain';

/** One line to cook. */
export interface TicketLineItem {
  readonly menuItemId: string;
  readonly name: string;
  readonly quantity: number;
}

interface TicketRef {
  readonly orderId: string;
  readonly restaurantId: string;
}

// Internal events, as stored in the ticket's stream (stream id = orderId). What other contexts
// see are the contracts in @brigade/contracts/kitchen; infrastructure/ maps one to the other.
export type TicketCreated = DomainEvent<'TicketCreated', TicketRef & { readonly lineItems: readonly TicketLineItem[] }>;
export type TicketRejected = DomainEvent<'TicketRejected', TicketRef & { readonly lineItems: readonly TicketLineItem[]; readonly reason: string }>;
export type TicketConfirmed = DomainEvent<'TicketConfirmed', TicketRef>;
export type TicketCancelled = DomainEvent<'TicketCancelled', TicketRef & { readonly reason: string }>;
export type TicketAccepted = DomainEvent<'TicketAccepted', TicketRef & { readonly readyBy: string }>;
export type TicketPreparationStarted = DomainEvent<'TicketPreparationStarted', TicketRef>;
export type TicketReadyForPickup = DomainEvent<'TicketReadyForPickup', TicketRef>;
/**
 * The order was rejected before its ticket existed (its created event is late, e.g. replayed
 * from the dead-letter queue). Internal only: remembered so that the late ticket is cancelled at once.
 */
export type OrderRejectionNoted = DomainEvent<'OrderRejectionNoted', TicketRef & { readonly reason: string }>;

export type TicketEvent =
  | TicketCreated
  | TicketRejected
  | TicketConfirmed
  | TicketCancelled
  | TicketAccepted
  | TicketPreparationStarted
  | TicketReadyForPickup
  | OrderRejectionNoted;
