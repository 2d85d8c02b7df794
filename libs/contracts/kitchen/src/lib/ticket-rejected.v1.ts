import { defineContract, uuid } from '@brigade/contracts/core';
import { z } from 'zod';
import { exampleOrderId, exampleRestaurantId } from './kitchen-fields';

export const ticketRejectedV1Subject = 'kitchen.ticket.rejected.v1';

/** The kitchen's no to a new order (restaurant unknown or closed, an item not on the menu), with why. */
export const ticketRejectedV1Schema = z.strictObject({
  orderId: uuid,
  restaurantId: uuid,
  reason: z.string().min(1),
});
export type TicketRejectedV1 = z.infer<typeof ticketRejectedV1Schema>;

export const ticketRejectedV1 = defineContract<TicketRejectedV1>(ticketRejectedV1Subject, ticketRejectedV1Schema, {
  orderId: exampleOrderId,
  restaurantId: exampleRestaurantId,
  reason: 'restaurant 6f1c1a52-4a8e-4d5e-9a57-2f0d0c6b1a01 is closed',
});
