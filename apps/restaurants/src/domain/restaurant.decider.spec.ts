import { fold } from '@brigade/domain';
import { given } from '@brigade/testing';
import {
  aMenuItem,
  anAddress,
  aSecondMenuItem,
  closeRestaurant,
  createRestaurant,
  openRestaurant,
  restaurantClosed,
  restaurantCreated,
  restaurantMenuRevised,
  restaurantOpened,
  reviseMenu,
} from '../../test/restaurant.mothers';
import { restaurantDecider as restaurant } from './restaurant.decider';
import { RestaurantErrorCodes as Codes } from './restaurant.errors';
import { RestaurantLimits } from './restaurant.rules';

describe('Restaurant', () => {
  describe('CreateRestaurant', () => {
    it('creates a restaurant with its name, address and menu', () => {
      given(restaurant, []).when(createRestaurant()).then([restaurantCreated()]);
    });

    it('keeps an optional second street line', () => {
      const address = anAddress({ street2: 'Unit 2' });
      given(restaurant, []).when(createRestaurant({ address })).then([restaurantCreated({ address })]);
    });

    it('accepts a free item (0 cents) and the highest price', () => {
      const menu = [aMenuItem({ priceCents: 0 }), aSecondMenuItem({ priceCents: RestaurantLimits.maxPriceCents })];
      given(restaurant, []).when(createRestaurant({ menu })).then([restaurantCreated({ menu })]);
    });

    it('refuses a restaurant that already exists', () => {
      given(restaurant, [restaurantCreated()]).when(createRestaurant()).thenThrows(Codes.AlreadyExists);
    });

    it.each([
      ['empty', ''],
      ['blank', '   '],
      ['too long', 'x'.repeat(RestaurantLimits.maxNameLength + 1)],
    ])('refuses a name that is %s', (_case, name) => {
      given(restaurant, []).when(createRestaurant({ name })).thenThrows(Codes.InvalidName);
    });

    it.each([
      ['a blank street1', { street1: ' ' }],
      ['an empty city', { city: '' }],
      ['an empty zip', { zip: '' }],
      ['a zip that is too long', { zip: '9'.repeat(RestaurantLimits.maxZipLength + 1) }],
      ['an empty street2 (omit it instead)', { street2: '' }],
    ])('refuses an address with %s', (_case, change) => {
      given(restaurant, []).when(createRestaurant({ address: anAddress(change) })).thenThrows(Codes.InvalidAddress);
    });

    it('refuses an empty menu', () => {
      given(restaurant, []).when(createRestaurant({ menu: [] })).thenThrows(Codes.EmptyMenu);
    });

    it('refuses a menu larger than the limit', () => {
      const menu = Array.from({ length: RestaurantLimits.maxMenuItems + 1 }, (_, i) =>
        aMenuItem({ menuItemId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` }),
      );
      given(restaurant, []).when(createRestaurant({ menu })).thenThrows(Codes.MenuTooLarge);
    });

    it('refuses a menu that lists the same menuItemId twice', () => {
      const menu = [aMenuItem(), aSecondMenuItem({ menuItemId: aMenuItem().menuItemId })];
      given(restaurant, []).when(createRestaurant({ menu })).thenThrows(Codes.DuplicateMenuItem);
    });

    it('refuses a menu item with a blank name', () => {
      given(restaurant, []).when(createRestaurant({ menu: [aMenuItem({ name: ' ' })] })).thenThrows(Codes.InvalidMenuItemName);
    });

    it.each([
      ['negative', -1],
      ['fractional', 12.5],
      ['above the limit', RestaurantLimits.maxPriceCents + 1],
      ['not a number', Number.NaN],
    ])('refuses a price that is %s', (_case, priceCents) => {
      given(restaurant, []).when(createRestaurant({ menu: [aMenuItem({ priceCents })] })).thenThrows(Codes.InvalidPrice);
    });
  });

  describe('ReviseMenu', () => {
    it('replaces the whole menu', () => {
      given(restaurant, [restaurantCreated()]).when(reviseMenu()).then([restaurantMenuRevised()]);
    });

    it('revises the menu of an open restaurant too', () => {
      given(restaurant, [restaurantCreated(), restaurantOpened()]).when(reviseMenu()).then([restaurantMenuRevised()]);
    });

    it('decides nothing when the menu is the one it already has (PUT is idempotent)', () => {
      given(restaurant, [restaurantCreated(), restaurantMenuRevised()]).when(reviseMenu()).then([]);
    });

    it('treats a reordered menu as a revision (order is what diners see)', () => {
      const menu = [aSecondMenuItem(), aMenuItem()];
      given(restaurant, [restaurantCreated()]).when(reviseMenu({ menu })).then([restaurantMenuRevised({ menu })]);
    });

    it('refuses to revise the menu of an unknown restaurant', () => {
      given(restaurant, []).when(reviseMenu()).thenThrows(Codes.NotFound);
    });

    it('refuses an empty menu', () => {
      given(restaurant, [restaurantCreated()]).when(reviseMenu({ menu: [] })).thenThrows(Codes.EmptyMenu);
    });

    it('refuses a menu that lists the same menuItemId twice', () => {
      given(restaurant, [restaurantCreated()]).when(reviseMenu({ menu: [aMenuItem(), aMenuItem()] })).thenThrows(Codes.DuplicateMenuItem);
    });

    it('refuses a price above the limit', () => {
      const menu = [aMenuItem({ priceCents: RestaurantLimits.maxPriceCents + 1 })];
      given(restaurant, [restaurantCreated()]).when(reviseMenu({ menu })).thenThrows(Codes.InvalidPrice);
    });
  });

  describe('OpenRestaurant', () => {
    it('opens a new (closed) restaurant', () => {
      given(restaurant, [restaurantCreated()]).when(openRestaurant()).then([restaurantOpened()]);
    });

    it('opens a restaurant that was closed again', () => {
      given(restaurant, [restaurantCreated(), restaurantOpened(), restaurantClosed()]).when(openRestaurant()).then([restaurantOpened()]);
    });

    it('refuses to open an unknown restaurant', () => {
      given(restaurant, []).when(openRestaurant()).thenThrows(Codes.NotFound);
    });

    it('refuses to open a restaurant that is already open', () => {
      given(restaurant, [restaurantCreated(), restaurantOpened()]).when(openRestaurant()).thenThrows(Codes.AlreadyOpen);
    });
  });

  describe('CloseRestaurant', () => {
    it('closes an open restaurant', () => {
      given(restaurant, [restaurantCreated(), restaurantOpened()]).when(closeRestaurant()).then([restaurantClosed()]);
    });

    it('refuses to close an unknown restaurant', () => {
      given(restaurant, []).when(closeRestaurant()).thenThrows(Codes.NotFound);
    });

    it('refuses to close a restaurant that was never opened (restaurants start closed)', () => {
      given(restaurant, [restaurantCreated()]).when(closeRestaurant()).thenThrows(Codes.AlreadyClosed);
    });

    it('refuses to close a restaurant that is already closed', () => {
      given(restaurant, [restaurantCreated(), restaurantOpened(), restaurantClosed()]).when(closeRestaurant()).thenThrows(Codes.AlreadyClosed);
    });
  });

  describe('state', () => {
    it('starts unknown, is created closed, and follows opening, closing and menu revisions', () => {
      const state = fold(restaurant, restaurant.initialState(), [restaurantCreated(), restaurantOpened(), restaurantMenuRevised()]);
      expect(restaurant.initialState()).toEqual({ status: 'UNKNOWN' });
      expect(state).toEqual({ status: 'OPEN', ...restaurantCreated().data, menu: restaurantMenuRevised().data.menu });
    });

    it('refuses a stream that does not begin with RestaurantCreated (a corrupt stream is a bug)', () => {
      expect(() => fold(restaurant, restaurant.initialState(), [restaurantOpened()])).toThrow(/without RestaurantCreated/);
    });
  });
});
