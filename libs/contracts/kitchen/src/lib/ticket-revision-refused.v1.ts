import { defineContract, uuid } from '@brigade/contracts/core';
import { z } from 'zod';
import { exampleOrderId, exampleRestaurantId, revisionNumber } from './kitchen-fields';

export const ticketRevisionRefusedV1Subject = 'kitchen.ticket.revision-refused.v1';

/** The kitchen refused the order's revision `revision` (cooking started, or the ticket is done): `reason` says why. */
export const ticketRevisionRefusedV1Schema = z.strictObject({
  orderId: uuid,
  restaurantId: uuid,
  revision: revisionNumber,
  reason: z.string().min(1),
});
export type TicketRevisionRefusedV1 = z.infer<typeof ticketRevisionRefusedV1Schema>;

export const ticketRevisionRefusedV1 = defineContract<TicketRevisionRefusedV1>(ticketRevisionRefusedV1Subject, ticketRevisionRefusedV1Schema, {
  orderId: exampleOrderId,
  restaurantId: exampleRestaurantId,
  revision: 1,
  reason: 'ticket is PREPARING',
});
