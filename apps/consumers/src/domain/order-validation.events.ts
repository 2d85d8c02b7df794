import type { DomainEvent } from '@brigade/domain';

// Internal events, as stored in the order's validation stream (stream id `order-validation-<orderId>`).
/** Verdict on an order placed by this consumer: it may order. */
export type OrderValidated = DomainEvent<'OrderValidated', { readonly consumerId: string; readonly orderId: string }>;
/** Verdict on an order placed in this consumer's name: it may not (unknown or suspended), and why. */
export type OrderValidationFailed = DomainEvent<
  'OrderValidationFailed',
  { readonly consumerId: string; readonly orderId: string; readonly reason: string }
>;

export type OrderValidationEvent = OrderValidated | OrderValidationFailed;
