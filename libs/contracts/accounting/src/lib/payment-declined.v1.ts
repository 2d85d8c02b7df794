import { cents, defineContract, uuid } from '@brigade/contracts/core';
import { z } from 'zod';
import { exampleConsumerId, exampleOrderId } from './accounting-fields';

export const paymentDeclinedV1Subject = 'accounting.payment.declined.v1';

/**
 * Accounting's no to an order, with a human-readable `reason`: the consumer has no account, or
 * the total is above the available credit. Nothing is reserved.
 */
export const paymentDeclinedV1Schema = z.strictObject({
  orderId: uuid,
  consumerId: uuid,
  amountCents: cents,
  reason: z.string().min(1),
});
export type PaymentDeclinedV1 = z.infer<typeof paymentDeclinedV1Schema>;

export const paymentDeclinedV1 = defineContract<PaymentDeclinedV1>(paymentDeclinedV1Subject, paymentDeclinedV1Schema, {
  orderId: exampleOrderId,
  consumerId: exampleConsumerId,
  amountCents: 2997,
  reason: 'total 2997 cents exceeds available credit 1000 cents',
});
