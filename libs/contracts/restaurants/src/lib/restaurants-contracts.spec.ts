import { ContractViolation } from '@brigade/contracts/core';
import {
  aRestaurantClosedV1,
  aRestaurantCreatedV1,
  aRestaurantMenuRevisedV1,
  aRestaurantOpenedV1,
  restaurantClosedV1,
  restaurantCreatedV1,
  restaurantMenuRevisedV1,
  restaurantOpenedV1,
  restaurantsContracts,
} from '../index';

describe('restaurants contracts', () => {
  it.each([
    ['created', restaurantCreatedV1, aRestaurantCreatedV1()],
    ['menu-revised', restaurantMenuRevisedV1, aRestaurantMenuRevisedV1()],
    ['opened', restaurantOpenedV1, aRestaurantOpenedV1()],
    ['closed', restaurantClosedV1, aRestaurantClosedV1()],
  ] as const)('the %s fixture satisfies its schema', (_name, contract, fixture) => {
    expect(contract.schema.safeParse(fixture).success).toBe(true);
  });

  it('publishes on restaurants.restaurant.<event>.v1 subjects', () => {
    expect(restaurantsContracts.map((c) => c.subject)).toEqual([
      'restaurants.restaurant.created.v1',
      'restaurants.restaurant.menu-revised.v1',
      'restaurants.restaurant.opened.v1',
      'restaurants.restaurant.closed.v1',
    ]);
  });

  it('object mothers apply overrides without touching the example', () => {
    const created = aRestaurantCreatedV1({ name: 'Other', open: true });
    expect(created).toMatchObject({ name: 'Other', open: true });
    created.menu[0].priceCents = 1;
    expect(aRestaurantCreatedV1().menu[0].priceCents).toBe(1299);
  });

  it('rejects duplicate menu item ids, naming the menu', () => {
    const [item] = aRestaurantCreatedV1().menu;
    expect(() => restaurantMenuRevisedV1.parse(aRestaurantMenuRevisedV1({ menu: [item, item] }))).toThrow(/menu/);
  });

  it.each([
    ['a fractional price', { priceCents: 1.5 }],
    ['a negative price', { priceCents: -1 }],
    ['an empty name', { name: '' }],
    ['a non-UUID id', { menuItemId: 'x' }],
  ])('rejects a menu item with %s', (_case, change) => {
    const menu = [{ ...aRestaurantCreatedV1().menu[0], ...change }];
    expect(() => restaurantCreatedV1.parse(aRestaurantCreatedV1({ menu }))).toThrow(ContractViolation);
  });

  it.each([
    ['created', restaurantCreatedV1, aRestaurantCreatedV1()],
    ['menu-revised', restaurantMenuRevisedV1, aRestaurantMenuRevisedV1()],
    ['opened', restaurantOpenedV1, aRestaurantOpenedV1()],
    ['closed', restaurantClosedV1, aRestaurantClosedV1()],
  ] as const)('the %s payload carries its version in the restaurant stream, a whole number from 1', (_name, contract, fixture) => {
    const { version: _version, ...withoutVersion } = fixture;
    expect(() => contract.parse(withoutVersion)).toThrow(/version/);
    expect(() => contract.parse({ ...fixture, version: 0 })).toThrow(/version/);
    expect(() => contract.parse({ ...fixture, version: 1.5 })).toThrow(/version/);
  });

  it('rejects fields the contract does not define', () => {
    expect(() => restaurantOpenedV1.parse({ ...aRestaurantOpenedV1(), openedBy: 'x' })).toThrow(ContractViolation);
  });
});
