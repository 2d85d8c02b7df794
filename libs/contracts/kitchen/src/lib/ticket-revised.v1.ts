import { defineContract, uuid } from '@brigade/contracts/core';
import { z } from 'zod';
import { exampleOrderId, exampleRestaurantId, revisionNumber, ticketLineItemV1Schema } from './kitchen-fields';

export const ticketRevisedV1Subject = 'kitchen.ticket.revised.v1';

/**
 * The kitchen accepted the order's revision `revision`: the ticket shows these lines. Until the order
 * is revised or the revision rejected the ticket cannot start preparing.
 */
export const ticketRevisedV1Schema = z.strictObject({
  orderId: uuid,
  restaurantId: uuid,
  revision: revisionNumber,
  lineItems: z.array(ticketLineItemV1Schema).min(1),
});
export type TicketRevisedV1 = z.infer<typeof ticketRevisedV1Schema>;

export const ticketRevisedV1 = defineContract<TicketRevisedV1>(ticketRevisedV1Subject, ticketRevisedV1Schema, {
  orderId: exampleOrderId,
  restaurantId: exampleRestaurantId,
  revision: 1,
  lineItems: [{ menuItemId: '0b8e6f6e-8a3a-4c7e-9d1b-1f3c2a4b5c01', name: 'Chicken Vindaloo', quantity: 3 }],
});
