import { defineContract, uuid } from '@brigade/contracts/core';
import { z } from 'zod';
import { exampleConsumerId, exampleOrderId, revisionNumber } from './accounting-fields';

export const paymentRevisionDeclinedV1Subject = 'accounting.payment.revision-declined.v1';

/** Accounting's no to the order's revision `revision` (the increase does not fit the available credit); the hold is unchanged. */
export const paymentRevisionDeclinedV1Schema = z.strictObject({
  orderId: uuid,
  consumerId: uuid,
  revision: revisionNumber,
  reason: z.string().min(1),
});
export type PaymentRevisionDeclinedV1 = z.infer<typeof paymentRevisionDeclinedV1Schema>;

export const paymentRevisionDeclinedV1 = defineContract<PaymentRevisionDeclinedV1>(paymentRevisionDeclinedV1Subject, paymentRevisionDeclinedV1Schema, {
  orderId: exampleOrderId,
  consumerId: exampleConsumerId,
  revision: 1,
  reason: 'increase 900 exceeds available credit 500',
});
