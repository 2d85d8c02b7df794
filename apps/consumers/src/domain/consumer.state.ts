import type { PersonName } from './consumer.events';

export interface ConsumerProfile {
  readonly consumerId: string;
  readonly name: PersonName;
  readonly email: string;
}

/**
 * A consumer id nobody registered is UNKNOWN; a registered consumer may order while ACTIVE and
 * not while SUSPENDED. Nothing per order: the verdicts on its orders live in the orders' own
 * validation streams (order-validation.decider.ts), so this state stays the same size however
 * many orders the consumer places.
 */
export type ConsumerState =
  | { readonly status: 'UNKNOWN' }
  | ({ readonly status: 'ACTIVE' } & ConsumerProfile)
  | ({ readonly status: 'SUSPENDED' } & ConsumerProfile);

export type RegisteredConsumer = Exclude<ConsumerState, { status: 'UNKNOWN' }>;

/** Whether a consumer may order, as an order's validation needs to know it. */
export type ConsumerStanding = ConsumerState['status'];
