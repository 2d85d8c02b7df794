import { defineContract, uuid } from '@brigade/contracts/core';
import { z } from 'zod';

export const orderCancelRefusedV1Subject = 'orders.order.cancel-refused.v1';

/** The cancellation did not happen (the kitchen refused, or did not answer in time): the order is back where it was. */
export const orderCancelRefusedV1Schema = z.strictObject({
  orderId: uuid,
  consumerId: uuid,
  restaurantId: uuid,
  reason: z.string().min(1),
});
export type OrderCancelRefusedV1 = z.infer<typeof orderCancelRefusedV1Schema>;

export const orderCancelRefusedV1 = defineContract<OrderCancelRefusedV1>(orderCancelRefusedV1Subject, orderCancelRefusedV1Schema, {
  orderId: '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c01',
  consumerId: '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b01',
  restaurantId: '6f1c1a52-4a8e-4d5e-9a57-2f0d0c6b1a01',
  reason: 'kitchen: ticket is PREPARING',
});
