import { cents, defineContract, uuid } from '@brigade/contracts/core';
import { z } from 'zod';
import { exampleConsumerId, exampleOrderId } from './accounting-fields';

export const paymentCapturedV1Subject = 'accounting.payment.captured.v1';

/** The order was delivered: its authorisation of `amountCents` is taken (no longer held), so the credit is back. */
export const paymentCapturedV1Schema = z.strictObject({
  orderId: uuid,
  consumerId: uuid,
  amountCents: cents,
});
export type PaymentCapturedV1 = z.infer<typeof paymentCapturedV1Schema>;

export const paymentCapturedV1 = defineContract<PaymentCapturedV1>(paymentCapturedV1Subject, paymentCapturedV1Schema, {
  orderId: exampleOrderId,
  consumerId: exampleConsumerId,
  amountCents: 2997,
});
