import { anOrderCreatedV1, orderCreatedV1 } from '@brigade/contracts/orders';
import { EventStore } from '@brigade/event-store';
import { Headers } from '@brigade/messaging';
import { eventually } from '@brigade/testing';
import { call, HttpAnswer } from './http';
import { aCreateOrderBody, NAAN, RestaurantFeed, VINDALOO } from './order-fixtures';
import { OrdersApp, OrdersTestEnvironment } from './orders-environment';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('orders service: placing an order against the restaurant replica', () => {
  let env: OrdersTestEnvironment;
  let app: OrdersApp;
  let restaurant: RestaurantFeed;

  beforeAll(async () => {
    env = await OrdersTestEnvironment.create();
    app = await env.startApp();
    restaurant = new RestaurantFeed(env);
    await restaurant.created();
    await restaurant.opened();
    await env.drained('restaurants', 'restaurant-replica');
  });

  afterAll(async () => {
    await env?.close();
  });

  const storedEventCount = async (): Promise<number> => (await app.dataSource.query('SELECT count(*)::int AS n FROM es_events'))[0].n;

  /** Sends the request and checks that not a single event was stored because of it. */
  async function refused(body: unknown): Promise<HttpAnswer> {
    const before = await storedEventCount();
    const answer = await call(app, 'POST', '/orders', body);
    expect(await storedEventCount()).toBe(before);
    expect(answer.contentType).toMatch(/^application\/problem\+json/);
    return answer;
  }

  it('POST /orders answers 201 with the id; the order awaits approval with lines priced from the replica', async () => {
    const created = await call(app, 'POST', '/orders', aCreateOrderBody(restaurant.restaurantId));

    expect(created.status).toBe(201);
    expect(created.body).toEqual({ orderId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(created.headers.get('location')).toBe(`/orders/${created.body.orderId}`);
    const fetched = await call(app, 'GET', `/orders/${created.body.orderId}`);
    expect(fetched.status).toBe(200);
    expect(fetched.body).toEqual({
      orderId: created.body.orderId,
      state: 'APPROVAL_PENDING',
      consumerId: aCreateOrderBody(restaurant.restaurantId).consumerId,
      restaurantId: restaurant.restaurantId,
      lineItems: [
        { menuItemId: VINDALOO, name: 'Chicken Vindaloo', priceCents: 1299, quantity: 2 },
        { menuItemId: NAAN, name: 'Garlic Naan', priceCents: 399, quantity: 1 },
      ],
      orderTotalCents: 2997,
      version: 1,
    });
  });

  it('publishes orders.order.created.v1 with priced lines and the total; the saga and its deadline are stored with it', async () => {
    const deliveryTime = '2026-11-27T21:00:00+02:00';
    const { body } = await call(app, 'POST', '/orders', aCreateOrderBody(restaurant.restaurantId, { deliveryTime }), { 'X-Correlation-Id': 'corr-place' });

    const [message] = await eventually(() => {
      const messages = env.publishedFor(body.orderId);
      expect(messages).toHaveLength(1);
      return messages;
    });
    expect(message.subject).toBe(orderCreatedV1.subject);
    expect(orderCreatedV1.parse(message.payload)).toEqual(
      anOrderCreatedV1({ orderId: body.orderId, restaurantId: restaurant.restaurantId, deliveryTime: '2026-11-27T19:00:00.000Z' }),
    );
    expect(message.headers.get(Headers.CorrelationId)).toBe('corr-place');
    const saga = await new EventStore(app.dataSource).readStream(`create-order-saga-${body.orderId}`);
    expect(saga.map((e) => e.type)).toEqual(['CreateOrderSagaStarted']);
    const [deadline] = await app.dataSource.query('SELECT due_at FROM saga_deadlines WHERE saga = $1 AND saga_id = $2', ['create-order', body.orderId]);
    expect(new Date(deadline.due_at).toISOString()).toBe((saga[0].data as { deadline: string }).deadline);
  });

  it('follows the restaurant: new prices after menu-revised, 422 while it is closed', async () => {
    const feed = new RestaurantFeed(env);
    await feed.created([{ menuItemId: VINDALOO, name: 'Chicken Vindaloo', priceCents: 1299 }]);
    await env.drained('restaurants', 'restaurant-replica');
    const whileClosed = await refused(aCreateOrderBody(feed.restaurantId, { lineItems: [{ menuItemId: VINDALOO, quantity: 1 }] }));
    expect(whileClosed.status).toBe(422);
    expect(whileClosed.body.code).toBe('ORDERS.RESTAURANT.CLOSED');

    await feed.opened();
    await feed.menuRevised([{ menuItemId: VINDALOO, name: 'Vindaloo (large)', priceCents: 1500 }]);
    await env.drained('restaurants', 'restaurant-replica');
    const placed = await call(app, 'POST', '/orders', aCreateOrderBody(feed.restaurantId, { lineItems: [{ menuItemId: VINDALOO, quantity: 3 }] }));
    expect(placed.status).toBe(201);
    expect((await call(app, 'GET', `/orders/${placed.body.orderId}`)).body).toMatchObject({
      lineItems: [{ menuItemId: VINDALOO, name: 'Vindaloo (large)', priceCents: 1500, quantity: 3 }],
      orderTotalCents: 4500,
    });

    await feed.closed();
    await env.drained('restaurants', 'restaurant-replica');
    expect((await refused(aCreateOrderBody(feed.restaurantId, { lineItems: [{ menuItemId: VINDALOO, quantity: 1 }] }))).body.code).toBe(
      'ORDERS.RESTAURANT.CLOSED',
    );
  });

  it('applies a restaurant event only once, and never lets an older one undo a newer one', async () => {
    const feed = new RestaurantFeed(env);
    await feed.created();
    const opened = await feed.opened();
    await env.publish('restaurants.restaurant.opened.v1', { restaurantId: feed.restaurantId, version: 2 }, { aggregateId: feed.restaurantId, eventId: opened, streamVersion: 2 });
    await env.publish('restaurants.restaurant.closed.v1', { restaurantId: feed.restaurantId, version: 1 }, { aggregateId: feed.restaurantId, streamVersion: 1 });
    await env.drained('restaurants', 'restaurant-replica');

    const [row] = await app.dataSource.query('SELECT open, version FROM orders_restaurant_replica WHERE restaurant_id = $1', [feed.restaurantId]);
    expect(row).toEqual({ open: true, version: 2 });
  });

  it('parks a restaurant event whose stream version header does not match its payload: a forged header cannot freeze the replica', async () => {
    const feed = new RestaurantFeed(env);
    await feed.created();
    const { restaurantId } = feed;
    // A close whose header claims a version far ahead: applied, it would freeze the replica (every real event older).
    const forged = await env.publish('restaurants.restaurant.closed.v1', { restaurantId, version: 2 }, { aggregateId: restaurantId, streamVersion: 1_000_000 });
    const headerless = await env.publish('restaurants.restaurant.closed.v1', { restaurantId, version: 2 }, { aggregateId: restaurantId });
    await feed.opened();
    await env.drained('restaurants', 'restaurant-replica');

    const [row] = await app.dataSource.query('SELECT open, version FROM orders_restaurant_replica WHERE restaurant_id = $1', [restaurantId]);
    expect(row).toEqual({ open: true, version: 2 });
    const inbox = await app.dataSource.query('SELECT outcome FROM msg_inbox WHERE event_id = ANY($1)', [[forged, headerless]]);
    expect(inbox).toEqual([{ outcome: 'parked' }, { outcome: 'parked' }]);
    const parked = (await env.parked()).filter((copy) => copy.eventId === forged || copy.eventId === headerless);
    expect(parked.map((copy) => copy.error)).toEqual([
      expect.stringContaining('stream version header 1000000 does not match its payload\'s 2'),
      expect.stringContaining('carries no stream version header'),
    ]);
  });

  it('answers 404 ORDERS.RESTAURANT.NOT_FOUND for a restaurant the replica does not know', async () => {
    const answer = await refused(aCreateOrderBody(UNKNOWN_ID));
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ status: 404, code: 'ORDERS.RESTAURANT.NOT_FOUND' });
  });

  it.each([
    ['an item the menu does not have', [{ menuItemId: UNKNOWN_ID, quantity: 1 }], 'ORDERS.RESTAURANT.UNKNOWN_MENU_ITEM'],
    ['a quantity of 0', [{ menuItemId: NAAN, quantity: 0 }], 'ORDERS.ORDER.INVALID_QUANTITY'],
    ['a quantity above 100', [{ menuItemId: NAAN, quantity: 101 }], 'ORDERS.ORDER.INVALID_QUANTITY'],
  ])('answers 422 for %s', async (_case, lineItems, code) => {
    const answer = await refused(aCreateOrderBody(restaurant.restaurantId, { lineItems }));
    expect(answer.status).toBe(422);
    expect(answer.body.code).toBe(code);
  });

  it.each([
    ['a missing consumerId', { consumerId: undefined }, 'consumerId'],
    ['a consumerId that is not a UUID', { consumerId: 'alice' }, 'consumerId'],
    ['no line items', { lineItems: [] }, 'lineItems'],
    ['a fractional quantity', { lineItems: [{ menuItemId: NAAN, quantity: 1.5 }] }, 'lineItems.0.quantity'],
    ['a quantity sent as a string', { lineItems: [{ menuItemId: NAAN, quantity: '2' }] }, 'lineItems.0.quantity'],
    ['a missing delivery address', { deliveryAddress: undefined }, 'deliveryAddress'],
    ['a missing zip', { deliveryAddress: { street1: '9 Elm Street', city: 'Oakland' } }, 'deliveryAddress.zip'],
    ['a delivery time that is not a date', { deliveryTime: 'tonight' }, 'deliveryTime'],
    ['an extra field', { coupon: 'FREE' }, 'coupon'],
  ])('answers 400 naming the field for %s', async (_case, change, field) => {
    const answer = await refused(JSON.parse(JSON.stringify(aCreateOrderBody(restaurant.restaurantId, change))));
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('REQUEST.VALIDATION');
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('refuses malformed JSON with 400', async () => {
    const answer = await refused('{"consumerId": ');
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('REQUEST.MALFORMED_JSON');
  });

  it('GET /orders/:id answers 404 ORDERS.ORDER.NOT_FOUND for an unknown order and 400 for a non-UUID id', async () => {
    const unknown = await call(app, 'GET', `/orders/${UNKNOWN_ID}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('ORDERS.ORDER.NOT_FOUND');
    expect((await call(app, 'GET', '/orders/not-a-uuid')).status).toBe(400);
  });

  it('GET /health is up and /docs-json documents the order routes', async () => {
    expect((await call(app, 'GET', '/health')).body).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, nats: { status: 'up' } } });
    const docs = await call(app, 'GET', '/docs-json');
    expect(docs.body.paths['/orders'].post.responses).toHaveProperty('422');
    expect(docs.body.paths['/orders/{orderId}'].get.responses).toHaveProperty('404');
  });
});
