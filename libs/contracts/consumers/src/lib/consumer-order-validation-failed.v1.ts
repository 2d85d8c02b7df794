import { defineContract, uuid } from '@brigade/contracts/core';
import { z } from 'zod';

export const consumerOrderValidationFailedV1Subject = 'consumers.consumer.order-validation-failed.v1';

/**
 * The consumers verdict on `orders.order.created.v1` when the consumer is unknown or suspended;
 * `reason` is human-readable and ends up as (part of) the order's rejectionReason.
 */
export const consumerOrderValidationFailedV1Schema = z.strictObject({
  consumerId: uuid,
  orderId: uuid,
  reason: z.string().min(1),
});
export type ConsumerOrderValidationFailedV1 = z.infer<typeof consumerOrderValidationFailedV1Schema>;

export const consumerOrderValidationFailedV1 = defineContract<ConsumerOrderValidationFailedV1>(
  consumerOrderValidationFailedV1Subject,
  consumerOrderValidationFailedV1Schema,
  {
    consumerId: '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b01',
    orderId: '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c01',
    reason: 'consumer 3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b01 is suspended',
  },
);
