import type { DomainEvent } from '@brigade/domain';

// Internal events, as stored in the consumer's Account stream (stream id = consumerId). The
// account keeps only its limit and the sum it holds: each order's payment is an aggregate of its
// own (payment.events.ts), and the holds below are what those payments did to the credit (their
// orderId says which, for the record; the state keeps only the sum). What other contexts see are
// the contracts in @brigade/contracts/accounting; infrastructure/ maps one to the other.
export type AccountOpened = DomainEvent<'AccountOpened', { readonly consumerId: string; readonly creditLimitCents: number }>;
export type CreditLimitChanged = DomainEvent<'CreditLimitChanged', { readonly consumerId: string; readonly creditLimitCents: number }>;
/** Internal only: `amountCents` more is held for the order. */
export type CreditHeld = DomainEvent<'CreditHeld', { readonly consumerId: string; readonly orderId: string; readonly amountCents: number }>;
/** Internal only: `amountCents` held for the order is available again. */
export type CreditReleased = DomainEvent<'CreditReleased', { readonly consumerId: string; readonly orderId: string; readonly amountCents: number }>;

export type AccountEvent = AccountOpened | CreditLimitChanged | CreditHeld | CreditReleased;
