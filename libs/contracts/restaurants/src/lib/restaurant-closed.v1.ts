import { defineContract, uuid } from '@brigade/contracts/core';
import { z } from 'zod';
import { restaurantVersion } from './restaurant-fields';

export const restaurantClosedV1Subject = 'restaurants.restaurant.closed.v1';

/** The restaurant takes no new orders (orders already placed are still fulfilled). */
export const restaurantClosedV1Schema = z.strictObject({ restaurantId: uuid, version: restaurantVersion });
export type RestaurantClosedV1 = z.infer<typeof restaurantClosedV1Schema>;

export const restaurantClosedV1 = defineContract<RestaurantClosedV1>(restaurantClosedV1Subject, restaurantClosedV1Schema, {
  restaurantId: '6f1c1a52-4a8e-4d5e-9a57-2f0d0c6b1a01',
  version: 4,
});
