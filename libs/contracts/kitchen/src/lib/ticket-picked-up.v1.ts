import { defineContract, uuid } from '@brigade/contracts/core';
import { z } from 'zod';
import { exampleOrderId, exampleRestaurantId } from './kitchen-fields';

export const ticketPickedUpV1Subject = 'kitchen.ticket.picked-up.v1';

/** The courier took the food (`delivery.delivery.picked-up.v1`): the ticket is done. */
export const ticketPickedUpV1Schema = z.strictObject({
  orderId: uuid,
  restaurantId: uuid,
});
export type TicketPickedUpV1 = z.infer<typeof ticketPickedUpV1Schema>;

export const ticketPickedUpV1 = defineContract<TicketPickedUpV1>(ticketPickedUpV1Subject, ticketPickedUpV1Schema, {
  orderId: exampleOrderId,
  restaurantId: exampleRestaurantId,
});
