import { defineContract, uuid } from '@brigade/contracts/core';
import { z } from 'zod';
import { exampleOrderId, exampleRestaurantId } from './kitchen-fields';

export const ticketCancelRefusedV1Subject = 'kitchen.ticket.cancel-refused.v1';

/** The kitchen will not cancel the ticket (`orders.order.cancel-requested.v1` came too late): `reason` says why. */
export const ticketCancelRefusedV1Schema = z.strictObject({
  orderId: uuid,
  restaurantId: uuid,
  reason: z.string().min(1),
});
export type TicketCancelRefusedV1 = z.infer<typeof ticketCancelRefusedV1Schema>;

export const ticketCancelRefusedV1 = defineContract<TicketCancelRefusedV1>(ticketCancelRefusedV1Subject, ticketCancelRefusedV1Schema, {
  orderId: exampleOrderId,
  restaurantId: exampleRestaurantId,
  reason: 'ticket is PREPARING',
});
