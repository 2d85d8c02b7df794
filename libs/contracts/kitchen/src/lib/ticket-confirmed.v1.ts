import { defineContract, uuid } from '@brigade/contracts/core';
import { z } from 'zod';
import { exampleOrderId, exampleRestaurantId } from './kitchen-fields';

export const ticketConfirmedV1Subject = 'kitchen.ticket.confirmed.v1';

/** The order was approved: the ticket now awaits the restaurant's acceptance (AWAITING_ACCEPTANCE). */
export const ticketConfirmedV1Schema = z.strictObject({
  orderId: uuid,
  restaurantId: uuid,
});
export type TicketConfirmedV1 = z.infer<typeof ticketConfirmedV1Schema>;

export const ticketConfirmedV1 = defineContract<TicketConfirmedV1>(ticketConfirmedV1Subject, ticketConfirmedV1Schema, {
  orderId: exampleOrderId,
  restaurantId: exampleRestaurantId,
});
