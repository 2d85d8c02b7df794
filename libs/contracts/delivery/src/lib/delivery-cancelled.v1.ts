import { defineContract, uuid } from '@brigade/contracts/core';
import { z } from 'zod';
import { exampleCourierId, exampleOrderId, exampleRestaurantId } from './delivery-fields';

export const deliveryCancelledV1Subject = 'delivery.delivery.cancelled.v1';

/** The order was cancelled: no delivery (CANCELLED); the courier it had, if any (`courierId`), is free again. */
export const deliveryCancelledV1Schema = z.strictObject({
  orderId: uuid,
  restaurantId: uuid,
  courierId: uuid.nullable(),
});
export type DeliveryCancelledV1 = z.infer<typeof deliveryCancelledV1Schema>;

export const deliveryCancelledV1 = defineContract<DeliveryCancelledV1>(deliveryCancelledV1Subject, deliveryCancelledV1Schema, {
  orderId: exampleOrderId,
  restaurantId: exampleRestaurantId,
  courierId: exampleCourierId,
});
