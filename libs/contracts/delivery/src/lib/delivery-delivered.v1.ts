import { defineContract, uuid } from '@brigade/contracts/core';
import { z } from 'zod';
import { exampleCourierId, exampleOrderId, exampleRestaurantId } from './delivery-fields';

export const deliveryDeliveredV1Subject = 'delivery.delivery.delivered.v1';

/** The order reached the door (DELIVERED): accounting captures the payment, orders shows DELIVERED; the courier is free. */
export const deliveryDeliveredV1Schema = z.strictObject({
  orderId: uuid,
  restaurantId: uuid,
  courierId: uuid,
});
export type DeliveryDeliveredV1 = z.infer<typeof deliveryDeliveredV1Schema>;

export const deliveryDeliveredV1 = defineContract<DeliveryDeliveredV1>(deliveryDeliveredV1Subject, deliveryDeliveredV1Schema, {
  orderId: exampleOrderId,
  restaurantId: exampleRestaurantId,
  courierId: exampleCourierId,
});
