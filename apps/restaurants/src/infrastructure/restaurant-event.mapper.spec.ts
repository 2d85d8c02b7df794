import {
  aRestaurantCreatedV1,
  aRestaurantMenuRevisedV1,
  restaurantClosedV1,
  restaurantCreatedV1,
  restaurantMenuRevisedV1,
  restaurantOpenedV1,
} from '@brigade/contracts/restaurants';
import type { StoredEvent } from '@brigade/event-store';
import {
  anAddress,
  restaurantClosed,
  restaurantCreated,
  restaurantId,
  restaurantMenuRevised,
  restaurantOpened,
} from '../../test/restaurant.mothers';
import type { RestaurantEvent } from '../domain/restaurant.events';
import { mapRestaurantEvent } from './restaurant-event.mapper';

function stored(event: RestaurantEvent, streamVersion = 1): StoredEvent {
  return {
    eventId: 'f0c5a3c2-9a9e-4f3c-8d55-1e2f3a4b5c6d',
    streamId: restaurantId,
    streamType: 'restaurant',
    streamVersion,
    type: event.type,
    schemaVersion: 1,
    data: event.data,
    metadata: { correlationId: 'c', causationId: null, actor: { id: 'a', role: 'admin' }, occurredAt: '2026-11-27T10:00:00.000Z' },
    position: { transactionId: '1', sequence: '1' },
    recordedAt: new Date('2026-11-27T10:00:00.000Z'),
  };
}

describe('restaurant event mapper', () => {
  it('publishes RestaurantCreated as restaurants.restaurant.created.v1, created closed', () => {
    const { subject, payload } = mapRestaurantEvent(stored(restaurantCreated()));
    expect(subject).toBe(restaurantCreatedV1.subject);
    expect(restaurantCreatedV1.parse(payload)).toEqual({ ...restaurantCreated().data, open: false, version: 1 });
    expect(Object.keys(payload).sort()).toEqual(Object.keys(aRestaurantCreatedV1()).sort());
  });

  it('keeps street2 when there is one', () => {
    const address = anAddress({ street2: 'Unit 2' });
    const { payload } = mapRestaurantEvent(stored(restaurantCreated({ address })));
    expect(restaurantCreatedV1.parse(payload)).toMatchObject({ address });
  });

  it('publishes RestaurantMenuRevised as restaurants.restaurant.menu-revised.v1 with the whole menu', () => {
    const { subject, payload } = mapRestaurantEvent(stored(restaurantMenuRevised(), 3));
    expect(subject).toBe(restaurantMenuRevisedV1.subject);
    expect(restaurantMenuRevisedV1.parse(payload)).toEqual({ ...restaurantMenuRevised().data, version: 3 });
    expect(Object.keys(payload).sort()).toEqual(Object.keys(aRestaurantMenuRevisedV1()).sort());
  });

  it('publishes RestaurantOpened as restaurants.restaurant.opened.v1', () => {
    const { subject, payload } = mapRestaurantEvent(stored(restaurantOpened(), 2));
    expect(subject).toBe(restaurantOpenedV1.subject);
    expect(restaurantOpenedV1.parse(payload)).toEqual({ restaurantId, version: 2 });
  });

  it('publishes RestaurantClosed as restaurants.restaurant.closed.v1', () => {
    const { subject, payload } = mapRestaurantEvent(stored(restaurantClosed(), 4));
    expect(subject).toBe(restaurantClosedV1.subject);
    expect(restaurantClosedV1.parse(payload)).toEqual({ restaurantId, version: 4 });
  });

  it('never lets a field the domain adds to its events leak onto the wire', () => {
    const created = restaurantCreated();
    const withInternals = { ...created, data: { ...created.data, internalNote: 'secret', menu: [{ ...created.data.menu[0], costCents: 1 }] } };
    const { payload } = mapRestaurantEvent(stored(withInternals as RestaurantEvent));
    expect(() => restaurantCreatedV1.parse(payload)).not.toThrow();
    expect(JSON.stringify(payload)).not.toMatch(/internalNote|costCents/);
  });

  it('refuses an event type it does not know (a bug, never silently skipped)', () => {
    expect(() => mapRestaurantEvent(stored({ type: 'RestaurantRenamed', data: {} } as never))).toThrow(/RestaurantRenamed/);
  });
});
