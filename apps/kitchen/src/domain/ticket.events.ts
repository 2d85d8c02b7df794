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
/** The courier took the food (delivery.delivery.picked-up.v1): the ticket is done. */
export type TicketPickedUp = DomainEvent<'TicketPickedUp', TicketRef>;
/** The order asked to cancel the ticket and the kitchen said no; `reason` names why (e.g. 'ticket is PREPARING'). */
export type TicketCancellationRefused = DomainEvent<'TicketCancellationRefused', TicketRef & { readonly reason: string }>;
/**
 * The kitchen accepted the order's revision `revision`: the ticket shows these lines, keeps its
 * previous ones (the state's pending revision) and cannot be accepted or prepared until the order decides.
 */
export type TicketRevised = DomainEvent<'TicketRevised', TicketRef & { readonly revision: number; readonly lineItems: readonly TicketLineItem[] }>;
export type TicketRevisionRefused = DomainEvent<'TicketRevisionRefused', TicketRef & { readonly revision: number; readonly reason: string }>;
/** The order was revised as proposed: the new lines are final. Internal only (orders already said so). */
export type TicketRevisionFinalized = DomainEvent<'TicketRevisionFinalized', TicketRef & { readonly revision: number }>;
/** The order's revision was rejected after the kitchen accepted it: `lineItems` are the restored, earlier lines. */
export type TicketRevisionUndone = DomainEvent<
  'TicketRevisionUndone',
  TicketRef & { readonly revision: number; readonly lineItems: readonly TicketLineItem[] }
>;
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
  | TicketPickedUp
  | TicketCancellationRefused
  | TicketRevised
  | TicketRevisionRefused
  | TicketRevisionFinalized
  | TicketRevisionUndone
  | OrderRejectionNoted;
