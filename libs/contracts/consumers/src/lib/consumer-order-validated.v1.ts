import { defineContract, uuid } from '@brigade/contracts/core';
import { z } from 'zod';

export const consumerOrderValidatedV1Subject = 'consumers.consumer.order-validated.v1';

/** The consumers verdict on `orders.order.created.v1`: the consumer exists and is ACTIVE. */
export const consumerOrderValidatedV1Schema = z.strictObject({
  consumerId: uuid,
  orderId: uuid,
});
export type ConsumerOrderValidatedV1 = z.infer<typeof consumerOrderValidatedV1Schema>;

export const consumerOrderValidatedV1 = defineContract<ConsumerOrderValidatedV1>(
  consumerOrderValidatedV1Subject,
  consumerOrderValidatedV1Schema,
  {
    consumerId: '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b01',
    orderId: '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c01',
  },
);
