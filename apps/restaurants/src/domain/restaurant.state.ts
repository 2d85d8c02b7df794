import type { Address, Menu } from './restaurant.events';

export interface RestaurantProfile {
  readonly restaurantId: string;
  readonly name: string;
  readonly address: Address;
  readonly menu: Menu;
}

/**
 * A restaurant that does not exist yet has no name or menu to get wrong; one that exists is
 * either taking orders or not. New restaurants start CLOSED: staff open them when ready.
 */
export type RestaurantState =
  | { readonly status: 'UNKNOWN' }
  | ({ readonly status: 'CLOSED' } & RestaurantProfile)
  | ({ readonly status: 'OPEN' } & RestaurantProfile);

export type ExistingRestaurant = Exclude<RestaurantState, { status: 'UNKNOWN' }>;
