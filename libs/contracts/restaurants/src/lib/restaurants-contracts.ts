import { exampleOf } from '@brigade/contracts/core';
import { restaurantClosedV1, RestaurantClosedV1 } from './restaurant-closed.v1';
import { restaurantCreatedV1, RestaurantCreatedV1 } from './restaurant-created.v1';
import { restaurantMenuRevisedV1, RestaurantMenuRevisedV1 } from './restaurant-menu-revised.v1';
import { restaurantOpenedV1, RestaurantOpenedV1 } from './restaurant-opened.v1';

/** Every contract this context publishes, e.g. for consumers that subscribe to all of them. */
export const restaurantsContracts = [
  restaurantCreatedV1,
  restaurantMenuRevisedV1,
  restaurantOpenedV1,
  restaurantClosedV1,
] as const;

// Object mothers: a valid payload, with what the test cares about overridden.
export const aRestaurantCreatedV1 = (overrides: Partial<RestaurantCreatedV1> = {}): RestaurantCreatedV1 =>
  exampleOf(restaurantCreatedV1, overrides);
export const aRestaurantMenuRevisedV1 = (overrides: Partial<RestaurantMenuRevisedV1> = {}): RestaurantMenuRevisedV1 =>
  exampleOf(restaurantMenuRevisedV1, overrides);
export const aRestaurantOpenedV1 = (overrides: Partial<RestaurantOpenedV1> = {}): RestaurantOpenedV1 =>
  exampleOf(restaurantOpenedV1, overrides);
export const aRestaurantClosedV1 = (overrides: Partial<RestaurantClosedV1> = {}): RestaurantClosedV1 =>
  exampleOf(restaurantClosedV1, overrides);
