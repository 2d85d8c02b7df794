import { uuid } from '@brigade/contracts/core';
import { z } from 'zod';

/** The context name: JetStream stream `KITCHEN` captures `kitchen.>`. */
export const kitchenContext = 'kitchen';

/** What the kitchen cooks for one line of the order: no prices (the kitchen does not handle money). */
export const ticketLineItemV1Schema = z.strictObject({
  menuItemId: uuid,
  name: z.string().min(1),
  quantity: z.number().int().min(1).max(100),
});
export type TicketLineItemV1 = z.infer<typeof ticketLineItemV1Schema>;

// Shared by every example so that fixtures of one ticket's life fit together.
export const exampleOrderId = '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c01';
export const exampleRestaurantId = '6f1c1a52-4a8e-4d5e-9a57-2f0d0c6b1a01';

/** The order's revision a ticket event answers (the orders context counts them from 1). */
export const revisionNumber = z.number().int().min(1);
