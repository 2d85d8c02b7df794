import { cents, uuid } from '@brigade/contracts/core';
import { z } from 'zod';

/** The context name: JetStream stream `RESTAURANTS` captures `restaurants.>`. */
export const restaurantsContext = 'restaurants';

/**
 * The event's version in its restaurant's stream (1 for created), in every payload: the
 * Brigade-Stream-Version header must say the same, or a replica parks the message rather than
 * let a header alone move (or freeze) its version guard.
 */
export const restaurantVersion = z.number().int().min(1);

export const addressV1Schema = z.strictObject({
  street1: z.string().min(1),
  street2: z.string().min(1).optional(),
  city: z.string().min(1),
  zip: z.string().min(1),
});
export type AddressV1 = z.infer<typeof addressV1Schema>;

export const menuItemV1Schema = z.strictObject({
  menuItemId: uuid,
  name: z.string().min(1),
  priceCents: cents,
});
export type MenuItemV1 = z.infer<typeof menuItemV1Schema>;

/** The whole menu, every time: a consumer replaces its copy, it never merges. Item ids are unique. */
export const menuV1Schema = z
  .array(menuItemV1Schema)
  .refine((menu) => new Set(menu.map((item) => item.menuItemId)).size === menu.length, {
    message: 'menuItemIds must be unique',
  });
