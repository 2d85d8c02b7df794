import type { Address, Menu } from './restaurant.events';

// What may be asked of a restaurant. Ids come in with the command (the domain never makes them).
export type CreateRestaurant = {
  readonly type: 'CreateRestaurant';
  readonly data: { readonly restaurantId: string; readonly name: string; readonly address: Address; readonly menu: Menu };
};
export type ReviseMenu = { readonly type: 'ReviseMenu'; readonly data: { readonly restaurantId: string; readonly menu: Menu } };
export type OpenRestaurant = { readonly type: 'OpenRestaurant'; readonly data: { readonly restaurantId: string } };
export type CloseRestaurant = { readonly type: 'CloseRestaurant'; readonly data: { readonly restaurantId: string } };

export type RestaurantCommand = CreateRestaurant | ReviseMenu | OpenRestaurant | CloseRestaurant;
