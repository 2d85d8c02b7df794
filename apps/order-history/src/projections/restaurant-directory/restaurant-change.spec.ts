import { aRestaurantClosedV1, aRestaurantCreatedV1, aRestaurantMenuRevisedV1, aRestaurantOpenedV1 } from '@brigade/contracts/restaurants';
import { randomUUID } from 'node:crypto';
import type { EventPosition } from '../stream-position';
import { RESTAURANT_EVENTS } from './restaurant-change';

const RESTAURANT = '0a1b2c3d-0000-4000-8000-0000000000e1';
const at = (subject: string, version: number | null): EventPosition => ({ eventId: randomUUID(), subject, occurredAt: '2026-11-27T12:00:00.000Z', version });

describe('restaurant directory: reading restaurants.restaurant.* events', () => {
  it('guards each part with the version the header and the payload agree on', () => {
    const created = RESTAURANT_EVENTS['restaurants.restaurant.created.v1'](aRestaurantCreatedV1({ restaurantId: RESTAURANT, version: 1 }), at('restaurants.restaurant.created.v1', 1));
    expect(created).toMatchObject({ restaurantId: RESTAURANT, name: { version: 1, value: 'Ajanta' }, open: { version: 1, value: false } });
    const closed = RESTAURANT_EVENTS['restaurants.restaurant.closed.v1'](aRestaurantClosedV1({ restaurantId: RESTAURANT, version: 4 }), at('restaurants.restaurant.closed.v1', 4));
    expect(closed).toEqual({ restaurantId: RESTAURANT, open: { version: 4, value: false } });
  });

  it.each([
    ['created', 'restaurants.restaurant.created.v1', aRestaurantCreatedV1({ version: 1 })],
    ['menu-revised', 'restaurants.restaurant.menu-revised.v1', aRestaurantMenuRevisedV1({ version: 3 })],
    ['opened', 'restaurants.restaurant.opened.v1', aRestaurantOpenedV1({ version: 2 })],
    ['closed', 'restaurants.restaurant.closed.v1', aRestaurantClosedV1({ version: 4 })],
  ] as const)(
    'a %s event whose header version does not match its payload (or is missing) throws an unretryable error: parked live, skipped by a rebuild',
    (_name, subject, payload) => {
      const read = RESTAURANT_EVENTS[subject];
      expect(() => read(payload, at(subject, 1_000_000))).toThrow(expect.objectContaining({ code: 'MESSAGING.STREAM_VERSION.MISMATCH', retryable: false }));
      expect(() => read(payload, at(subject, null))).toThrow(expect.objectContaining({ code: 'MESSAGING.STREAM_VERSION.MISMATCH', retryable: false }));
    },
  );
});
