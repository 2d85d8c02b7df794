import type { PersonName } from './consumer.events';

// What may be asked of a consumer. Ids come in with the command (the domain never makes them).
// Verdicts on orders are not asked of the Consumer: each order's validation is an aggregate of its own (order-validation.*).
export type RegisterConsumer = {
  readonly type: 'RegisterConsumer';
  readonly data: { readonly consumerId: string; readonly name: PersonName; readonly email: string };
};
export type SuspendConsumer = { readonly type: 'SuspendConsumer'; readonly data: { readonly consumerId: string } };
export type ReactivateConsumer = { readonly type: 'ReactivateConsumer'; readonly data: { readonly consumerId: string } };

export type ConsumerCommand = RegisterConsumer | SuspendConsumer | ReactivateConsumer;
