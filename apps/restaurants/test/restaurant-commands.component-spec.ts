import {
  aRestaurantClosedV1,
  aRestaurantCreatedV1,
  aRestaurantMenuRevisedV1,
  aRestaurantOpenedV1,
  restaurantClosedV1,
  restaurantCreatedV1,
  restaurantMenuRevisedV1,
  restaurantOpenedV1,
} from '@brigade/contracts/restaurants';
import { Contract } from '@brigade/contracts/core';
import { EventStore } from '@brigade/event-store';
import { Headers } from '@brigade/messaging';
import { eventually } from '@brigade/testing';
import { aCreateRestaurantBody, aMenuItemBody } from './restaurant-requests';
import { call, PublishedMessage, RestaurantsApp, startRestaurantsApp } from './restaurants-app';

describe('restaurants service: commands are stored and published', () => {
  let app: RestaurantsApp;

  beforeAll(async () => {
    app = await startRestaurantsApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  /** The message published for `restaurantId` on `contract`'s subject, once it has arrived. */
  function publishedFor(restaurantId: string, contract: Contract<unknown>): Promise<PublishedMessage> {
    return eventually(() => {
      const message = app.published.find((m) => m.aggregateId === restaurantId && m.subject === `${app.subjectPrefix}${contract.subject}`);
      if (!message) throw new Error(`nothing published on ${contract.subject} for ${restaurantId}`);
      return message;
    });
  }

  async function createRestaurant(headers: Record<string, string> = {}): Promise<string> {
    const created = await call(app, 'POST', '/restaurants', aCreateRestaurantBody(), headers);
    expect(created.status).toBe(201);
    return created.body.restaurantId;
  }

  it('POST /restaurants answers 201 with the id and a Location, and the restaurant starts closed', async () => {
    const created = await call(app, 'POST', '/restaurants', aCreateRestaurantBody());

    expect(created.status).toBe(201);
    expect(created.body).toEqual({ restaurantId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(created.headers.get('location')).toBe(`/restaurants/${created.body.restaurantId}`);
    const fetched = await call(app, 'GET', `/restaurants/${created.body.restaurantId}`);
    expect(fetched.status).toBe(200);
    expect(fetched.body).toEqual({ restaurantId: created.body.restaurantId, ...aCreateRestaurantBody(), open: false, version: 1 });
  });

  it('publishes restaurants.restaurant.created.v1 with the contract payload and event headers', async () => {
    const restaurantId = await createRestaurant();

    const message = await publishedFor(restaurantId, restaurantCreatedV1);
    expect(restaurantCreatedV1.parse(message.payload)).toEqual({ restaurantId, ...aCreateRestaurantBody(), open: false, version: 1 });
    expect(Object.keys(message.payload).sort()).toEqual(Object.keys(aRestaurantCreatedV1()).sort());
    const [stored] = await new EventStore(app.dataSource).readStream(restaurantId);
    expect(message.headers.get(Headers.MsgId)).toBe(stored.eventId);
    expect(message.headers.get(Headers.AggregateId)).toBe(restaurantId);
    expect(message.headers.get(Headers.StreamVersion)).toBe('1');
  });

  it('stores every event with metadata from the request: correlation id, the token’s user as actor, time', async () => {
    const correlation = { 'X-Correlation-Id': 'corr-restaurant-lifecycle' };
    const admin = await app.environment.issuer.bearer({ role: 'admin', sub: 'admin-1' });
    const before = Date.now();
    const restaurantId = await createRestaurant({ ...correlation, ...admin });
    const staff = await app.environment.issuer.bearer({ role: 'restaurant', sub: 'staff-7', restaurantId });
    expect((await call(app, 'POST', `/restaurants/${restaurantId}/open`, undefined, { ...correlation, ...staff })).status).toBe(200);

    const events = await new EventStore(app.dataSource).readStream(restaurantId);
    expect(events.map((e) => [e.type, e.streamVersion, e.streamType])).toEqual([
      ['RestaurantCreated', 1, 'restaurant'],
      ['RestaurantOpened', 2, 'restaurant'],
    ]);
    expect(events.map((e) => e.metadata.actor)).toEqual([
      { id: 'admin-1', role: 'admin' },
      { id: 'staff-7', role: 'restaurant', restaurantId },
    ]);
    for (const event of events) {
      expect(event.metadata).toEqual({
        correlationId: 'corr-restaurant-lifecycle',
        causationId: null,
        actor: expect.any(Object),
        occurredAt: expect.any(String),
      });
      expect(Date.parse(event.metadata.occurredAt)).toBeGreaterThanOrEqual(before - 1000);
    }
    const message = await publishedFor(restaurantId, restaurantOpenedV1);
    expect(message.headers.get(Headers.CorrelationId)).toBe('corr-restaurant-lifecycle');
  });

  it('PUT /restaurants/:id/menu replaces the menu, answers with the restaurant and publishes menu-revised.v1', async () => {
    const restaurantId = await createRestaurant();
    const menu = [aMenuItemBody({ priceCents: 1399 }), aMenuItemBody({ menuItemId: '7d3c1b2a-0e4f-4a6b-9c8d-1e2f3a4b5c09', name: 'Mango Lassi', priceCents: 450 })];

    const revised = await call(app, 'PUT', `/restaurants/${restaurantId}/menu`, { menu });

    expect(revised.status).toBe(200);
    expect(revised.body).toMatchObject({ restaurantId, menu, open: false, version: 2 });
    const message = await publishedFor(restaurantId, restaurantMenuRevisedV1);
    expect(restaurantMenuRevisedV1.parse(message.payload)).toEqual({ restaurantId, menu, version: 2 });
    expect(Object.keys(message.payload).sort()).toEqual(Object.keys(aRestaurantMenuRevisedV1()).sort());
    expect(message.headers.get(Headers.StreamVersion)).toBe('2');
  });

  it('PUT with the menu it already has changes nothing: 200, no event stored or published', async () => {
    const restaurantId = await createRestaurant();
    const storedBefore = await app.storedEventCount();

    const revised = await call(app, 'PUT', `/restaurants/${restaurantId}/menu`, { menu: aCreateRestaurantBody().menu });

    expect(revised.status).toBe(200);
    expect(revised.body).toMatchObject({ restaurantId, version: 1 });
    expect(await app.storedEventCount()).toBe(storedBefore);
  });

  it('POST open and close answer with the restaurant and publish opened.v1 then closed.v1, in stream order', async () => {
    const restaurantId = await createRestaurant();

    const opened = await call(app, 'POST', `/restaurants/${restaurantId}/open`);
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ restaurantId, open: true, version: 2 });
    const closed = await call(app, 'POST', `/restaurants/${restaurantId}/close`);
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ restaurantId, open: false, version: 3 });

    const openedMessage = await publishedFor(restaurantId, restaurantOpenedV1);
    const closedMessage = await publishedFor(restaurantId, restaurantClosedV1);
    expect(restaurantOpenedV1.parse(openedMessage.payload)).toEqual({ ...aRestaurantOpenedV1(), restaurantId, version: 2 });
    expect(restaurantClosedV1.parse(closedMessage.payload)).toEqual({ ...aRestaurantClosedV1(), restaurantId, version: 3 });
    const own = app.published.filter((m) => m.aggregateId === restaurantId);
    expect(own.map((m) => m.subject.slice(app.subjectPrefix.length))).toEqual([
      restaurantCreatedV1.subject,
      restaurantOpenedV1.subject,
      restaurantClosedV1.subject,
    ]);
    expect(own.map((m) => m.headers.get(Headers.StreamVersion))).toEqual(['1', '2', '3']);
  });

  it('GET /restaurants/:id shows the restaurant after its changes', async () => {
    const restaurantId = await createRestaurant();
    await call(app, 'POST', `/restaurants/${restaurantId}/open`);
    const menu = [aMenuItemBody({ priceCents: 1 })];
    await call(app, 'PUT', `/restaurants/${restaurantId}/menu`, { menu });

    const fetched = await call(app, 'GET', `/restaurants/${restaurantId.toUpperCase()}`);

    expect(fetched.status).toBe(200);
    expect(fetched.body).toEqual({
      restaurantId,
      name: 'Ajanta',
      address: aCreateRestaurantBody().address,
      menu,
      open: true,
      version: 3,
    });
  });
});
