import { defineContract, uuid } from '@brigade/contracts/core';
import { z } from 'zod';
import { exampleOrderId, exampleRestaurantId } from './kitchen-fields';

export const ticketCancelledV1Subject = 'kitchen.ticket.cancelled.v1';

/** The ticket will not be cooked (the order was rejected or cancelled); `reason` says why. */
export const ticketCancelledV1Schema = z.strictObject({
  orderId: uuid,
  restaurantId: uuid,
  reason: z.string().min(1),
});
export type TicketCancelledV1 = z.infer<typeof ticketCancelledV1Schema>;

export const ticketCancelledV1 = defineContract<TicketCancelledV1>(ticketCancelledV1Subject, ticketCancelledV1Schema, {
  orderId: exampleOrderId,
  restaurantId: exampleRestaurantId,
  reason: 'accounting: total 2997 exceeds available credit 1000',
});
