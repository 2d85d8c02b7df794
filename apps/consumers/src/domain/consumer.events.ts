import type { DomainEvent } from '@brigade/domain';

export interface PersonName {
  readonly firstName: string;
  readonly lastName: string;
}

// Internal events, as stored in the consumer's stream (stream id = consumerId). What other
// contexts see are the contracts in @brigade/contracts/consumers; infrastructure/ maps one to the other.
export type ConsumerRegistered = DomainEvent<
  'ConsumerRegistered',
  { readonly consumerId: string; readonly name: PersonName; readonly email: string }
>;
export type ConsumerSuspended = DomainEvent<'ConsumerSuspended', { readonly consumerId: string }>;
export type ConsumerReactivated = DomainEvent<'ConsumerReactivated', { readonly consumerId: string }>;

export type ConsumerEvent = ConsumerRegistered | ConsumerSuspended | ConsumerReactivated;
