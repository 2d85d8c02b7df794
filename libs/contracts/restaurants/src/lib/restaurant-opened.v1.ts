import { defineContract, uuid } from '@brigade/contracts/core';
import { z } from 'zod';
import { restaurantVersion } from './restaurant-fields';

export const restaurantOpenedV1Subject = 'restaurants.restaurant.opened.v1';

/** The restaurant takes orders from now on. */
export const restaurantOpenedV1Schema = z.strictObject({ restaurantId: uuid, version: restaurantVersion });
export type RestaurantOpenedV1 = z.infer<typeof restaurantOpenedV1Schema>;

export const restaurantOpenedV1 = defineContract<RestaurantOpenedV1>(restaurantOpenedV1Subject, restaurantOpenedV1Schema, {
  restaurantId: '6f1c1a52-4a8e-4d5e-9a57-2f0d0c6b1a01',
  version: 2,
});
