import { cents, defineContract, uuid } from '@brigade/contracts/core';
import { z } from 'zod';
import { exampleConsumerId, exampleOrderId, revisionNumber } from './accounting-fields';

export const paymentRevisedV1Subject = 'accounting.payment.revised.v1';

/** Accounting's yes to the order's revision `revision`: the hold is now `amountCents` (was `previousAmountCents`). */
export const paymentRevisedV1Schema = z.strictObject({
  orderId: uuid,
  consumerId: uuid,
  revision: revisionNumber,
  amountCents: cents,
  previousAmountCents: cents,
});
export type PaymentRevisedV1 = z.infer<typeof paymentRevisedV1Schema>;

export const paymentRevisedV1 = defineContract<PaymentRevisedV1>(paymentRevisedV1Subject, paymentRevisedV1Schema, {
  orderId: exampleOrderId,
  consumerId: exampleConsumerId,
  revision: 1,
  amountCents: 3897,
  previousAmountCents: 2997,
});
