import { defineContract, uuid } from '@brigade/contracts/core';
import { z } from 'zod';

export const consumerReactivatedV1Subject = 'consumers.consumer.reactivated.v1';

/** A suspended consumer is ACTIVE again and may order. */
export const consumerReactivatedV1Schema = z.strictObject({
  consumerId: uuid,
});
export type ConsumerReactivatedV1 = z.infer<typeof consumerReactivatedV1Schema>;

export const consumerReactivatedV1 = defineContract<ConsumerReactivatedV1>(consumerReactivatedV1Subject, consumerReactivatedV1Schema, {
  consumerId: '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b01',
});
