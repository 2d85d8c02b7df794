import type { PersonName } from './consumer.events';

export interface ConsumerProfile {
  readonly consumerId: string;
  readonly name: PersonName;
  readonly email: string;
}

/**
 * A consumer id nobody registered is UNKNOWN (it may still have been named by orders, which got
 * a failed verdict); a registered consumer may order while ACTIVE and not while SUSPENDED.
 * `judgedOrderIds` are the orders already given a verdict, so each order gets exactly one
 * (an array, not a Set: the state is snapshotted as JSON).
 */
export type ConsumerState =
  | { readonly status: 'UNKNOWN'; readonly judgedOrderIds: readonly string[] }
  | ({ readonly status: 'ACTIVE'; readonly judgedOrderIds: readonly string[] } & ConsumerProfile)
  | ({ readonly status: 'SUSPENDED'; readonly judgedOrderIds: readonly string[] } & ConsumerProfile);

export type RegisteredConsumer = Exclude<ConsumerState, { status: 'UNKNOWN' }>;
