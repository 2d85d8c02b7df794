import { defineContract, uuid } from '@brigade/contracts/core';
import { z } from 'zod';
import { menuV1Schema, restaurantVersion } from './restaurant-fields';

export const restaurantMenuRevisedV1Subject = 'restaurants.restaurant.menu-revised.v1';

/** The restaurant's menu is now exactly `menu` (items missing from it are no longer offered). */
export const restaurantMenuRevisedV1Schema = z.strictObject({
  restaurantId: uuid,
  menu: menuV1Schema,
  version: restaurantVersion,
});
export type RestaurantMenuRevisedV1 = z.infer<typeof restaurantMenuRevisedV1Schema>;

export const restaurantMenuRevisedV1 = defineContract<RestaurantMenuRevisedV1>(
  restaurantMenuRevisedV1Subject,
  restaurantMenuRevisedV1Schema,
  {
    restaurantId: '6f1c1a52-4a8e-4d5e-9a57-2f0d0c6b1a01',
    menu: [
      { menuItemId: '0b8e6f6e-8a3a-4c7e-9d1b-1f3c2a4b5c01', name: 'Chicken Vindaloo', priceCents: 1399 },
      { menuItemId: '0b8e6f6e-8a3a-4c7e-9d1b-1f3c2a4b5c03', name: 'Mango Lassi', priceCents: 450 },
    ],
    version: 3,
  },
);
