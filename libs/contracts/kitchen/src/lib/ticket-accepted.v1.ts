import { defineContract, isoDateTime, uuid } from '@brigade/contracts/core';
import { z } from 'zod';
import { exampleOrderId, exampleRestaurantId } from './kitchen-fields';

export const ticketAcceptedV1Subject = 'kitchen.ticket.accepted.v1';

/** The restaurant accepted the ticket and promises it ready by `readyBy` (delivery assigns a courier). */
export const ticketAcceptedV1Schema = z.strictObject({
  orderId: uuid,
  restaurantId: uuid,
  readyBy: isoDateTime,
});
export type TicketAcceptedV1 = z.infer<typeof ticketAcceptedV1Schema>;

export const ticketAcceptedV1 = defineContract<TicketAcceptedV1>(ticketAcceptedV1Subject, ticketAcceptedV1Schema, {
  orderId: exampleOrderId,
  restaurantId: exampleRestaurantId,
  readyBy: '2026-11-27T12:30:00.000Z',
});
