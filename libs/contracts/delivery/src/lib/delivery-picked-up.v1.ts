import { defineContract, uuid } from '@brigade/contracts/core';
import { z } from 'zod';
import { exampleCourierId, exampleOrderId, exampleRestaurantId } from './delivery-fields';

export const deliveryPickedUpV1Subject = 'delivery.delivery.picked-up.v1';

/** The courier took the food from the restaurant (PICKED_UP): the kitchen closes the ticket, orders shows PICKED_UP. */
export const deliveryPickedUpV1Schema = z.strictObject({
  orderId: uuid,
  restaurantId: uuid,
  courierId: uuid,
});
export type DeliveryPickedUpV1 = z.infer<typeof deliveryPickedUpV1Schema>;

export const deliveryPickedUpV1 = defineContract<DeliveryPickedUpV1>(deliveryPickedUpV1Subject, deliveryPickedUpV1Schema, {
  orderId: exampleOrderId,
  restaurantId: exampleRestaurantId,
  courierId: exampleCourierId,
});
