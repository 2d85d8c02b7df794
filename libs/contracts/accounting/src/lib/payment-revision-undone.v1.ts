import { cents, defineContract, uuid } from '@brigade/contracts/core';
import { z } from 'zod';
import { exampleConsumerId, exampleOrderId, revisionNumber } from './accounting-fields';

export const paymentRevisionUndoneV1Subject = 'accounting.payment.revision-undone.v1';

/** The order's revision `revision` was rejected after accounting said yes: the hold is `amountCents` again. */
export const paymentRevisionUndoneV1Schema = z.strictObject({
  orderId: uuid,
  consumerId: uuid,
  revision: revisionNumber,
  amountCents: cents,
});
export type PaymentRevisionUndoneV1 = z.infer<typeof paymentRevisionUndoneV1Schema>;

export const paymentRevisionUndoneV1 = defineContract<PaymentRevisionUndoneV1>(paymentRevisionUndoneV1Subject, paymentRevisionUndoneV1Schema, {
  orderId: exampleOrderId,
  consumerId: exampleConsumerId,
  revision: 1,
  amountCents: 2997,
});
