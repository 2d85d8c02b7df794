import { defineContract, uuid } from '@brigade/contracts/core';
import { z } from 'zod';
import { exampleOrderId, exampleRestaurantId } from './kitchen-fields';

export const ticketReadyForPickupV1Subject = 'kitchen.ticket.ready-for-pickup.v1';

/** The food is cooked and waits for the courier (READY_FOR_PICKUP). */
export const ticketReadyForPickupV1Schema = z.strictObject({
  orderId: uuid,
  restaurantId: uuid,
});
export type TicketReadyForPickupV1 = z.infer<typeof ticketReadyForPickupV1Schema>;

export const ticketReadyForPickupV1 = defineContract<TicketReadyForPickupV1>(ticketReadyForPickupV1Subject, ticketReadyForPickupV1Schema, {
  orderId: exampleOrderId,
  restaurantId: exampleRestaurantId,
});
