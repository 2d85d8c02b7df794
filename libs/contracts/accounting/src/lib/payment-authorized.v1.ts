import { cents, defineContract, uuid } from '@brigade/contracts/core';
import { z } from 'zod';
import { exampleConsumerId, exampleOrderId } from './accounting-fields';

export const paymentAuthorizedV1Subject = 'accounting.payment.authorized.v1';

/** Accounting's yes to an order: `amountCents` (the order total) is reserved on the consumer's account. */
export const paymentAuthorizedV1Schema = z.strictObject({
  orderId: uuid,
  consumerId: uuid,
  amountCents: cents,
});
export type PaymentAuthorizedV1 = z.infer<typeof paymentAuthorizedV1Schema>;

export const paymentAuthorizedV1 = defineContract<PaymentAuthorizedV1>(paymentAuthorizedV1Subject, paymentAuthorizedV1Schema, {
  orderId: exampleOrderId,
  consumerId: exampleConsumerId,
  amountCents: 2997,
});
