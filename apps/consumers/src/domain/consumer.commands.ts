import type { PersonName } from './consumer.events';

// What may be asked of a consumer. Ids come in with the command (the domain never makes them).
export type RegisterConsumer = {
  readonly type: 'RegisterConsumer';
  readonly data: { readonly consumerId: string; readonly name: PersonName; readonly email: string };
};
export type SuspendConsumer = { readonly type: 'SuspendConsumer'; readonly data: { readonly consumerId: string } };
export type ReactivateConsumer = { readonly type: 'ReactivateConsumer'; readonly data: { readonly consumerId: string } };
/** May this consumer place this order? Asked once per order by orders.order.created.v1. */
export type ValidateOrder = { readonly type: 'ValidateOrder'; readonly data: { readonly consumerId: string; readonly orderId: string } };

export type ConsumerCommand = RegisterConsumer | SuspendConsumer | ReactivateConsumer | ValidateOrder;
