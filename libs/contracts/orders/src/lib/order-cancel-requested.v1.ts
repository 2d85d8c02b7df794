import { defineContract, uuid } from '@brigade/contracts/core';
import { z } from 'zod';

export const orderCancelRequestedV1Subject = 'orders.order.cancel-requested.v1';

/**
 * Somebody asked to cancel an approved order (CANCEL_PENDING). The kitchen answers: it cancels the
 * ticket (`kitchen.ticket.cancelled.v1`) or refuses because cooking started (`kitchen.ticket.cancel-refused.v1`).
 */
export const orderCancelRequestedV1Schema = z.strictObject({
  orderId: uuid,
  consumerId: uuid,
  restaurantId: uuid,
});
export type OrderCancelRequestedV1 = z.infer<typeof orderCancelRequestedV1Schema>;

export const orderCancelRequestedV1 = defineContract<OrderCancelRequestedV1>(orderCancelRequestedV1Subject, orderCancelRequestedV1Schema, {
  orderId: '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c01',
  consumerId: '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b01',
  restaurantId: '6f1c1a52-4a8e-4d5e-9a57-2f0d0c6b1a01',
});
