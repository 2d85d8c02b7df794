import type { DomainEvent } from '@brigade/domain';

// Internal events, as stored in the consumer's Account stream (stream id = consumerId). Payment
// authorisations live on the same stream, so the available credit is always decided against
// every authorisation already made. What other contexts see are the contracts in
// @brigade/contracts/accounting; infrastructure/ maps one to the other.
export type AccountOpened = DomainEvent<'AccountOpened', { readonly consumerId: string; readonly creditLimitCents: number }>;
export type CreditLimitChanged = DomainEvent<'CreditLimitChanged', { readonly consumerId: string; readonly creditLimitCents: number }>;
export type PaymentAuthorized = DomainEvent<
  'PaymentAuthorized',
  { readonly consumerId: string; readonly orderId: string; readonly amountCents: number }
>;
export type PaymentDeclined = DomainEvent<
  'PaymentDeclined',
  { readonly consumerId: string; readonly orderId: string; readonly amountCents: number; readonly reason: string }
>;
export type PaymentVoided = DomainEvent<'PaymentVoided', { readonly consumerId: string; readonly orderId: string; readonly amountCents: number }>;

export type AccountEvent = AccountOpened | CreditLimitChanged | PaymentAuthorized | PaymentDeclined | PaymentVoided;
