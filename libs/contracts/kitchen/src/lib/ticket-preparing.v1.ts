import { defineContract, uuid } from '@brigade/contracts/core';
import { z } from 'zod';
import { exampleOrderId, exampleRestaurantId } from './kitchen-fields';

export const ticketPreparingV1Subject = 'kitchen.ticket.preparing.v1';

/** The kitchen started cooking (PREPARING): the order can no longer be cancelled or revised. */
export const ticketPreparingV1Schema = z.strictObject({
  orderId: uuid,
  restaurantId: uuid,
});
export type TicketPreparingV1 = z.infer<typeof ticketPreparingV1Schema>;

export const ticketPreparingV1 = defineContract<TicketPreparingV1>(ticketPreparingV1Subject, ticketPreparingV1Schema, {
  orderId: exampleOrderId,
  restaurantId: exampleRestaurantId,
});
