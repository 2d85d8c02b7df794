import { defineContract, uuid } from '@brigade/contracts/core';
import { z } from 'zod';

export const orderRejectedV1Subject = 'orders.order.rejected.v1';

/**
 * A participant said no, or no full answer came before the deadline: the order is REJECTED.
 * Participants undo what they did for it (kitchen cancels the ticket, accounting voids the
 * authorisation), also when their own verdict arrives after this event.
 */
export const orderRejectedV1Schema = z.strictObject({
  orderId: uuid,
  consumerId: uuid,
  restaurantId: uuid,
  rejectionReason: z.string().min(1),
});
export type OrderRejectedV1 = z.infer<typeof orderRejectedV1Schema>;

export const orderRejectedV1 = defineContract<OrderRejectedV1>(orderRejectedV1Subject, orderRejectedV1Schema, {
  orderId: '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c01',
  consumerId: '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b01',
  restaurantId: '6f1c1a52-4a8e-4d5e-9a57-2f0d0c6b1a01',
  rejectionReason: 'accounting: total 2997 exceeds available credit 1000',
});
