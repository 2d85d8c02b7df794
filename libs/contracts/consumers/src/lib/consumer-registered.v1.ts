import { defineContract, uuid } from '@brigade/contracts/core';
import { z } from 'zod';
import { emailV1Schema, personNameV1Schema } from './consumer-fields';

export const consumerRegisteredV1Subject = 'consumers.consumer.registered.v1';

/** A consumer signed up and is ACTIVE: accounting opens an account for it, order-history learns the name. */
export const consumerRegisteredV1Schema = z.strictObject({
  consumerId: uuid,
  name: personNameV1Schema,
  email: emailV1Schema,
});
export type ConsumerRegisteredV1 = z.infer<typeof consumerRegisteredV1Schema>;

export const consumerRegisteredV1 = defineContract<ConsumerRegisteredV1>(consumerRegisteredV1Subject, consumerRegisteredV1Schema, {
  consumerId: '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b01',
  name: { firstName: 'Ada', lastName: 'Lovelace' },
  email: 'ada@example.com',
});
