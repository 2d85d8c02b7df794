import { defineContract, uuid } from '@brigade/contracts/core';
import { z } from 'zod';
import { exampleOrderId, exampleRestaurantId, revisionNumber, ticketLineItemV1Schema } from './kitchen-fields';

export const ticketRevisionUndoneV1Subject = 'kitchen.ticket.revision-undone.v1';

/** The order's revision `revision` was rejected after the kitchen accepted it: the ticket shows its earlier lines again. */
export const ticketRevisionUndoneV1Schema = z.strictObject({
  orderId: uuid,
  restaurantId: uuid,
  revision: revisionNumber,
  lineItems: z.array(ticketLineItemV1Schema).min(1),
});
export type TicketRevisionUndoneV1 = z.infer<typeof ticketRevisionUndoneV1Schema>;

export const ticketRevisionUndoneV1 = defineContract<TicketRevisionUndoneV1>(ticketRevisionUndoneV1Subject, ticketRevisionUndoneV1Schema, {
  orderId: exampleOrderId,
  restaurantId: exampleRestaurantId,
  revision: 1,
  lineItems: [
    { menuItemId: '0b8e6f6e-8a3a-4c7e-9d1b-1f3c2a4b5c01', name: 'Chicken Vindaloo', quantity: 2 },
    { menuItemId: '0b8e6f6e-8a3a-4c7e-9d1b-1f3c2a4b5c02', name: 'Garlic Naan', quantity: 1 },
  ],
});
