import { defineContract, uuid } from '@brigade/contracts/core';
import { z } from 'zod';

export const consumerSuspendedV1Subject = 'consumers.consumer.suspended.v1';

/** The consumer may no longer order: its next orders fail validation until it is reactivated. */
export const consumerSuspendedV1Schema = z.strictObject({
  consumerId: uuid,
});
export type ConsumerSuspendedV1 = z.infer<typeof consumerSuspendedV1Schema>;

export const consumerSuspendedV1 = defineContract<ConsumerSuspendedV1>(consumerSuspendedV1Subject, consumerSuspendedV1Schema, {
  consumerId: '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b01',
});
