import type { ConsumerStanding } from './consumer.state';

/**
 * May this consumer place this order? Asked by orders.order.created.v1, with the consumer's
 * standing as its stream says it is (read in the same transaction): UNKNOWN for an id nobody registered.
 */
export type ValidateOrder = {
  readonly type: 'ValidateOrder';
  readonly data: { readonly consumerId: string; readonly orderId: string; readonly consumer: ConsumerStanding };
};

export type OrderValidationCommand = ValidateOrder;
