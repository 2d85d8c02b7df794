import type { DomainEvent } from '@brigade/domain';

export interface PersonName {
  readonly firstName: string;
  readonly lastName: string;
}

// Internal events, as stored in the consumer's stream. What other contexts see are the
// contracts in @brigade/contracts/consumers; infrastructure/ maps one to the other.
export type ConsumerRegistered = DomainEvent<
  'ConsumerRegistered',
  { readonly consumerId: string; readonly name: PersonName; readonly email: string }
>;
export type ConsumerSuspended = DomainEvent<'ConsumerSuspended', { readonly consumerId: string }>;
export type ConsumerReactivated = DomainEvent<'ConsumerReactivated', { readonly consumerId: string }>;
/** Verdict on an order placed by this consumer: it may order. */
export type OrderValidated = DomainEvent<'OrderValidated', { readonly consumerId: string; readonly orderId: string }>;
/** Verdict on an order placed in this consumer's name: it may not (unknown or suspended), and why. */
export type OrderValidationFailed = DomainEvent<
  'OrderValidationFailed',
  { readonly consumerId: string; readonly orderId: string; readonly reason: string }
>;

export type ConsumerEvent = ConsumerRegistered | ConsumerSuspended | ConsumerReactivated | OrderValidated | OrderValidationFailed;
