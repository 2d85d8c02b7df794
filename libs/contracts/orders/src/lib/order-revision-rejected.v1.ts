import { defineContract, uuid } from '@brigade/contracts/core';
import { z } from 'zod';
import { revisionNumber } from './order-fields';

export const orderRevisionRejectedV1Subject = 'orders.order.revision-rejected.v1';

/**
 * The revision did not happen (a participant said no, or no full answer came in time). Whoever
 * said yes to it undoes that: the kitchen restores the ticket's lines, accounting the hold's amount.
 */
export const orderRevisionRejectedV1Schema = z.strictObject({
  orderId: uuid,
  consumerId: uuid,
  restaurantId: uuid,
  revision: revisionNumber,
  reason: z.string().min(1),
});
export type OrderRevisionRejectedV1 = z.infer<typeof orderRevisionRejectedV1Schema>;

export const orderRevisionRejectedV1 = defineContract<OrderRevisionRejectedV1>(orderRevisionRejectedV1Subject, orderRevisionRejectedV1Schema, {
  orderId: '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c01',
  consumerId: '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b01',
  restaurantId: '6f1c1a52-4a8e-4d5e-9a57-2f0d0c6b1a01',
  revision: 1,
  reason: 'accounting: increase 900 exceeds available credit 500',
});
