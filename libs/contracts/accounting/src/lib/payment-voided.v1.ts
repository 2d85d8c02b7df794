import { cents, defineContract, uuid } from '@brigade/contracts/core';
import { z } from 'zod';
import { exampleConsumerId, exampleOrderId } from './accounting-fields';

export const paymentVoidedV1Subject = 'accounting.payment.voided.v1';

/** An authorisation was undone (its order was rejected): `amountCents` is available again. */
export const paymentVoidedV1Schema = z.strictObject({
  orderId: uuid,
  consumerId: uuid,
  amountCents: cents,
});
export type PaymentVoidedV1 = z.infer<typeof paymentVoidedV1Schema>;

export const paymentVoidedV1 = defineContract<PaymentVoidedV1>(paymentVoidedV1Subject, paymentVoidedV1Schema, {
  orderId: exampleOrderId,
  consumerId: exampleConsumerId,
  amountCents: 2997,
});
