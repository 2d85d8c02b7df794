import { defineContract, uuid } from '@brigade/contracts/core';
import { z } from 'zod';

export const orderCancelledV1Subject = 'orders.order.cancelled.v1';

/**
 * The order is CANCELLED (its ticket was cancelled). Accounting voids the authorisation, delivery
 * cancels the delivery and frees its courier.
 */
export const orderCancelledV1Schema = z.strictObject({
  orderId: uuid,
  consumerId: uuid,
  restaurantId: uuid,
});
export type OrderCancelledV1 = z.infer<typeof orderCancelledV1Schema>;

export const orderCancelledV1 = defineContract<OrderCancelledV1>(orderCancelledV1Subject, orderCancelledV1Schema, {
  orderId: '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c01',
  consumerId: '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b01',
  restaurantId: '6f1c1a52-4a8e-4d5e-9a57-2f0d0c6b1a01',
});
