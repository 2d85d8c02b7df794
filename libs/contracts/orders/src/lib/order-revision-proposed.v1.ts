import { cents, defineContract, uuid } from '@brigade/contracts/core';
import { z } from 'zod';
import { orderLineItemV1Schema, revisionNumber, totalMatchesLines } from './order-fields';

export const orderRevisionProposedV1Subject = 'orders.order.revision-proposed.v1';

/**
 * New lines were asked for an approved order (REVISION_PENDING). The kitchen answers with
 * `kitchen.ticket.revised.v1` or `kitchen.ticket.revision-refused.v1`; accounting with
 * `accounting.payment.revised.v1` or `accounting.payment.revision-declined.v1`. `revision` counts
 * the order's revisions from 1, so every answer names the proposal it answers.
 */
export const orderRevisionProposedV1Schema = z
  .strictObject({
    orderId: uuid,
    consumerId: uuid,
    restaurantId: uuid,
    revision: revisionNumber,
    lineItems: z.array(orderLineItemV1Schema).min(1),
    orderTotalCents: cents,
  })
  .refine(totalMatchesLines, { message: 'orderTotalCents must equal the sum of priceCents × quantity', path: ['orderTotalCents'] });
export type OrderRevisionProposedV1 = z.infer<typeof orderRevisionProposedV1Schema>;

export const orderRevisionProposedV1 = defineContract<OrderRevisionProposedV1>(orderRevisionProposedV1Subject, orderRevisionProposedV1Schema, {
  orderId: '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c01',
  consumerId: '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b01',
  restaurantId: '6f1c1a52-4a8e-4d5e-9a57-2f0d0c6b1a01',
  revision: 1,
  lineItems: [{ menuItemId: '0b8e6f6e-8a3a-4c7e-9d1b-1f3c2a4b5c01', name: 'Chicken Vindaloo', priceCents: 1299, quantity: 3 }],
  orderTotalCents: 3897,
});
