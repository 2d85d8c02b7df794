import { cents, uuid } from '@brigade/contracts/core';
import { z } from 'zod';

/** The context name: JetStream stream `ORDERS` captures `orders.>`. */
export const ordersContext = 'orders';

/** A line as the order priced it: name and unit price copied from the restaurant's menu at order time. */
export const orderLineItemV1Schema = z.strictObject({
  menuItemId: uuid,
  name: z.string().min(1),
  priceCents: cents,
  quantity: z.number().int().min(1).max(100),
});
export type OrderLineItemV1 = z.infer<typeof orderLineItemV1Schema>;

export const deliveryAddressV1Schema = z.strictObject({
  street1: z.string().min(1),
  street2: z.string().min(1).optional(),
  city: z.string().min(1),
  zip: z.string().min(1),
});
export type DeliveryAddressV1 = z.infer<typeof deliveryAddressV1Schema>;

/** The order's revisions count from 1; every answer to a proposal names the one it answers. */
export const revisionNumber = z.number().int().min(1);

/** A total is always the sum of its lines' priceCents × quantity. */
export function totalMatchesLines(o: { lineItems: ReadonlyArray<{ priceCents: number; quantity: number }>; orderTotalCents: number }): boolean {
  return o.orderTotalCents === o.lineItems.reduce((sum, l) => sum + l.priceCents * l.quantity, 0);
}
