import { cents, defineContract, isoDateTime, uuid } from '@brigade/contracts/core';
import { z } from 'zod';
import { deliveryAddressV1Schema, orderLineItemV1Schema, totalMatchesLines } from './order-fields';

export const orderCreatedV1Subject = 'orders.order.created.v1';

/**
 * An order was placed and awaits approval (APPROVAL_PENDING). Consumers, kitchen and accounting
 * each answer with a verdict; `orderTotalCents` is the sum of priceCents × quantity.
 */
export const orderCreatedV1Schema = z
  .strictObject({
    orderId: uuid,
    consumerId: uuid,
    restaurantId: uuid,
    lineItems: z.array(orderLineItemV1Schema).min(1),
    orderTotalCents: cents,
    deliveryAddress: deliveryAddressV1Schema,
    deliveryTime: isoDateTime.optional(),
  })
  .refine(totalMatchesLines, { message: 'orderTotalCents must equal the sum of priceCents × quantity', path: ['orderTotalCents'] });
export type OrderCreatedV1 = z.infer<typeof orderCreatedV1Schema>;

export const orderCreatedV1 = defineContract<OrderCreatedV1>(orderCreatedV1Subject, orderCreatedV1Schema, {
  orderId: '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c01',
  consumerId: '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b01',
  restaurantId: '6f1c1a52-4a8e-4d5e-9a57-2f0d0c6b1a01',
  lineItems: [
    { menuItemId: '0b8e6f6e-8a3a-4c7e-9d1b-1f3c2a4b5c01', name: 'Chicken Vindaloo', priceCents: 1299, quantity: 2 },
    { menuItemId: '0b8e6f6e-8a3a-4c7e-9d1b-1f3c2a4b5c02', name: 'Garlic Naan', priceCents: 399, quantity: 1 },
  ],
  orderTotalCents: 2997,
  deliveryAddress: { street1: '9 Elm Street', city: 'Oakland', zip: '94612' },
});
