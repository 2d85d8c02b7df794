import type { DomainEvent } from '@brigade/domain';

// Internal events, as stored in the order's Payment stream (stream id `payment-<orderId>`): every
// fact about one order's money lives here, never on the consumer's Account, which only keeps the
// sum held (CreditHeld / CreditReleased, written in the same transaction). What other contexts see
// are the contracts in @brigade/contracts/accounting; infrastructure/ maps one to the other.
type Ids = { readonly orderId: string; readonly consumerId: string };

export type PaymentAuthorized = DomainEvent<'PaymentAuthorized', Ids & { readonly amountCents: number }>;
export type PaymentDeclined = DomainEvent<'PaymentDeclined', Ids & { readonly amountCents: number; readonly reason: string }>;
export type PaymentVoided = DomainEvent<'PaymentVoided', Ids & { readonly amountCents: number }>;
export type PaymentCaptured = DomainEvent<'PaymentCaptured', Ids & { readonly amountCents: number }>;
export type PaymentRevised = DomainEvent<
  'PaymentRevised',
  Ids & { readonly revision: number; readonly amountCents: number; readonly previousAmountCents: number }
>;
export type PaymentRevisionDeclined = DomainEvent<'PaymentRevisionDeclined', Ids & { readonly revision: number; readonly reason: string }>;
/** Internal only: the revision is final, so its rejection can no longer undo it. */
export type PaymentRevisionFinalized = DomainEvent<'PaymentRevisionFinalized', Ids & { readonly revision: number }>;
/** The hold is `amountCents` again; `revisedAmountCents` is the revised hold it replaces (internal, for the account's hold). */
export type PaymentRevisionUndone = DomainEvent<
  'PaymentRevisionUndone',
  Ids & { readonly revision: number; readonly amountCents: number; readonly revisedAmountCents: number }
>;

export type PaymentEvent =
  | PaymentAuthorized
  | PaymentDeclined
  | PaymentVoided
  | PaymentCaptured
  | PaymentRevised
  | PaymentRevisionDeclined
  | PaymentRevisionFinalized
  | PaymentRevisionUndone;
