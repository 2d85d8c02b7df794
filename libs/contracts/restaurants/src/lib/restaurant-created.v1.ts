import { defineContract, uuid } from '@brigade/contracts/core';
import { z } from 'zod';
import { addressV1Schema, menuV1Schema, restaurantVersion } from './restaurant-fields';

export const restaurantCreatedV1Subject = 'restaurants.restaurant.created.v1';

/**
 * A restaurant joined the platform. `open` is stated rather than implied so that a replica
 * never has to guess; today it is always false (a restaurant opens with `opened.v1`).
 */
export const restaurantCreatedV1Schema = z.strictObject({
  restaurantId: uuid,
  name: z.string().min(1),
  address: addressV1Schema,
  menu: menuV1Schema,
  open: z.boolean(),
  version: restaurantVersion,
});
export type RestaurantCreatedV1 = z.infer<typeof restaurantCreatedV1Schema>;

export const restaurantCreatedV1 = defineContract<RestaurantCreatedV1>(restaurantCreatedV1Subject, restaurantCreatedV1Schema, {
  restaurantId: '6f1c1a52-4a8e-4d5e-9a57-2f0d0c6b1a01',
  name: 'Ajanta',
  address: { street1: '1 Main Street', street2: 'Unit 2', city: 'Oakland', zip: '94611' },
  menu: [
    { menuItemId: '0b8e6f6e-8a3a-4c7e-9d1b-1f3c2a4b5c01', name: 'Chicken Vindaloo', priceCents: 1299 },
    { menuItemId: '0b8e6f6e-8a3a-4c7e-9d1b-1f3c2a4b5c02', name: 'Garlic Naan', priceCents: 399 },
  ],
  open: false,
  version: 1,
});
