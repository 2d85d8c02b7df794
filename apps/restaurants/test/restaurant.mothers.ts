// Object mothers for the restaurants app's tests: a valid value, with what the test cares about overridden.
import type {
  CloseRestaurant,
  CreateRestaurant,
  OpenRestaurant,
  ReviseMenu,
} from '../src/domain/restaurant.commands';
import type {
  Address,
  MenuItem,
  RestaurantClosed,
  RestaurantCreated,
  RestaurantMenuRevised,
  RestaurantOpened,
} from '../src/domain/restaurant.events';

export const restaurantId = '3b0e4b9a-6a43-4a8f-a0a5-8c1d5f1e7a10';

export const anAddress = (overrides: Partial<Address> = {}): Address => ({
  street1: '1 Main Street',
  city: 'Oakland',
  zip: '94611',
  ...overrides,
});

export const aMenuItem = (overrides: Partial<MenuItem> = {}): MenuItem => ({
  menuItemId: 'c7a1d0a4-2f55-4d4e-8f1e-6a2b9c3d4e01',
  name: 'Chicken Vindaloo',
  priceCents: 1299,
  ...overrides,
});

export const aSecondMenuItem = (overrides: Partial<MenuItem> = {}): MenuItem =>
  aMenuItem({ menuItemId: 'c7a1d0a4-2f55-4d4e-8f1e-6a2b9c3d4e02', name: 'Garlic Naan', priceCents: 399, ...overrides });

export const createRestaurant = (overrides: Partial<CreateRestaurant['data']> = {}): CreateRestaurant => ({
  type: 'CreateRestaurant',
  data: { restaurantId, name: 'Ajanta', address: anAddress(), menu: [aMenuItem(), aSecondMenuItem()], ...overrides },
});

export const reviseMenu = (overrides: Partial<ReviseMenu['data']> = {}): ReviseMenu => ({
  type: 'ReviseMenu',
  data: { restaurantId, menu: [aMenuItem({ priceCents: 1399 })], ...overrides },
});

export const openRestaurant = (): OpenRestaurant => ({ type: 'OpenRestaurant', data: { restaurantId } });
export const closeRestaurant = (): CloseRestaurant => ({ type: 'CloseRestaurant', data: { restaurantId } });

export const restaurantCreated = (overrides: Partial<RestaurantCreated['data']> = {}): RestaurantCreated => ({
  type: 'RestaurantCreated',
  data: { ...createRestaurant().data, ...overrides },
});

export const restaurantMenuRevised = (overrides: Partial<RestaurantMenuRevised['data']> = {}): RestaurantMenuRevised => ({
  type: 'RestaurantMenuRevised',
  data: { ...reviseMenu().data, ...overrides },
});

export const restaurantOpened = (): RestaurantOpened => ({ type: 'RestaurantOpened', data: { restaurantId } });
export const restaurantClosed = (): RestaurantClosed => ({ type: 'RestaurantClosed', data: { restaurantId } });
