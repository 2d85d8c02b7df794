import { cents, defineContract, uuid } from '@brigade/contracts/core';
import { z } from 'zod';

export const orderApprovedV1Subject = 'orders.order.approved.v1';

/** Every participant said yes: the order is APPROVED (kitchen confirms the ticket, delivery is planned). */
export const orderApprovedV1Schema = z.strictObject({
  orderId: uuid,
  consumerId: uuid,
  restaurantId: uuid,
  orderTotalCents: cents,
});
export type OrderApprovedV1 = z.infer<typeof orderApprovedV1Schema>;

export const orderApprovedV1 = defineContract<OrderApprovedV1>(orderApprovedV1Subject, orderApprovedV1Schema, {
  orderId: '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c01',
  consumerId: '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b01',
  restaurantId: '6f1c1a52-4a8e-4d5e-9a57-2f0d0c6b1a01',
  orderTotalCents: 2997,
});
