import { defineContract, isoDateTime, uuid } from '@brigade/contracts/core';
import { z } from 'zod';
import { exampleCourierId, exampleOrderId, exampleRestaurantId } from './delivery-fields';

export const deliveryCourierAssignedV1Subject = 'delivery.delivery.courier-assigned.v1';

/** The ticket was accepted and a courier took the delivery (ASSIGNED); the food is promised by `readyBy`. */
export const deliveryCourierAssignedV1Schema = z.strictObject({
  orderId: uuid,
  restaurantId: uuid,
  courierId: uuid,
  readyBy: isoDateTime,
});
export type DeliveryCourierAssignedV1 = z.infer<typeof deliveryCourierAssignedV1Schema>;

export const deliveryCourierAssignedV1 = defineContract<DeliveryCourierAssignedV1>(deliveryCourierAssignedV1Subject, deliveryCourierAssignedV1Schema, {
  orderId: exampleOrderId,
  restaurantId: exampleRestaurantId,
  courierId: exampleCourierId,
  readyBy: '2026-11-27T12:30:00.000Z',
});
