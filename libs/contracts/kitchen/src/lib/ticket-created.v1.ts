import { defineContract, uuid } from '@brigade/contracts/core';
import { z } from 'zod';
import { exampleOrderId, exampleRestaurantId, ticketLineItemV1Schema } from './kitchen-fields';

export const ticketCreatedV1Subject = 'kitchen.ticket.created.v1';

/** The kitchen's yes to a new order: the restaurant is open and serves every item. Ticket CREATE_PENDING. */
export const ticketCreatedV1Schema = z.strictObject({
  orderId: uuid,
  restaurantId: uuid,
  lineItems: z.array(ticketLineItemV1Schema).min(1),
});
export type TicketCreatedV1 = z.infer<typeof ticketCreatedV1Schema>;

export const ticketCreatedV1 = defineContract<TicketCreatedV1>(ticketCreatedV1Subject, ticketCreatedV1Schema, {
  orderId: exampleOrderId,
  restaurantId: exampleRestaurantId,
  lineItems: [
    { menuItemId: '0b8e6f6e-8a3a-4c7e-9d1b-1f3c2a4b5c01', name: 'Chicken Vindaloo', quantity: 2 },
    { menuItemId: '0b8e6f6e-8a3a-4c7e-9d1b-1f3c2a4b5c02', name: 'Garlic Naan', quantity: 1 },
  ],
});
