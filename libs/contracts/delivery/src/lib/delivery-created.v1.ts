import { defineContract, uuid } from '@brigade/contracts/core';
import { z } from 'zod';
import { deliveryAddressV1Schema, exampleConsumerId, exampleOrderId, exampleRestaurantId } from './delivery-fields';

export const deliveryCreatedV1Subject = 'delivery.delivery.created.v1';

/** An approved order will be delivered (PENDING: no courier yet). The delivery's id is the orderId. */
export const deliveryCreatedV1Schema = z.strictObject({
  orderId: uuid,
  consumerId: uuid,
  restaurantId: uuid,
  pickupAddress: deliveryAddressV1Schema,
  deliveryAddress: deliveryAddressV1Schema,
});
export type DeliveryCreatedV1 = z.infer<typeof deliveryCreatedV1Schema>;

export const deliveryCreatedV1 = defineContract<DeliveryCreatedV1>(deliveryCreatedV1Subject, deliveryCreatedV1Schema, {
  orderId: exampleOrderId,
  consumerId: exampleConsumerId,
  restaurantId: exampleRestaurantId,
  pickupAddress: { street1: '1 Main Street', street2: 'Unit 2', city: 'Oakland', zip: '94611' },
  deliveryAddress: { street1: '9 Elm Street', city: 'Oakland', zip: '94612' },
});
