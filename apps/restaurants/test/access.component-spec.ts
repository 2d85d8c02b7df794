import { routesWithoutPolicy } from '@brigade/auth';
import { as, CallTarget, expectForbidden, expectUnauthenticated } from '@brigade/component-testing';
import { EventStore } from '@brigade/event-store';
import { randomUUID } from 'node:crypto';
import { aCreateRestaurantBody, aMenuItemBody } from './restaurant-requests';
import { call, RestaurantsApp, startRestaurantsApp } from './restaurants-app';

/**
 * Who may call which restaurants route (docs/security.md): anyone reads a restaurant, no token
 * needed; admins create restaurants; a restaurant's staff revise its menu and open or close it,
 * and nobody else's. Consumers and couriers change nothing here.
 */
describe('restaurants service: roles and ownership on every route', () => {
  let app: RestaurantsApp;
  /** The restaurant `owner` (its staff) is bound to. */
  let restaurantId: string;
  let ownerSub: string;
  /** Callers, one per kind: the restaurant's staff, another restaurant's, other roles, an admin, nobody. */
  let owner: CallTarget;
  let stranger: CallTarget;
  let consumer: CallTarget;
  let courier: CallTarget;
  let admin: CallTarget;
  let anonymous: CallTarget;

  /** Each of the staff's commands, as [method, path suffix, body]. */
  const staffCommands: Array<[string, string, unknown]> = [
    ['PUT', 'menu', { menu: [aMenuItemBody({ priceCents: 0 })] }],
    ['POST', 'open', undefined],
    ['POST', 'close', undefined],
  ];

  beforeAll(async () => {
    app = await startRestaurantsApp();
    restaurantId = await aRestaurant();
    const { issuer } = app.environment;
    ownerSub = randomUUID();
    owner = as(app, await issuer.bearer({ role: 'restaurant', restaurantId, sub: ownerSub }));
    stranger = as(app, await issuer.bearer({ role: 'restaurant', restaurantId: randomUUID() }));
    consumer = as(app, await issuer.bearer({ role: 'consumer', consumerId: randomUUID() }));
    courier = as(app, await issuer.bearer({ role: 'courier', courierId: randomUUID() }));
    admin = app; // call(app, ...) sends an admin's token
    anonymous = as(app, {});
  });

  afterAll(async () => {
    await app?.close();
  });

  async function aRestaurant(): Promise<string> {
    const created = await call(app, 'POST', '/restaurants', aCreateRestaurantBody());
    expect(created.status).toBe(201);
    return created.body.restaurantId;
  }

  const storedOf = async (id: string) => new EventStore(app.dataSource).readStream(id);


  /** Runs the calls and checks that none of them stored an event. */
  async function writesNothing(calls: () => Promise<void>): Promise<void> {
    const before = await app.storedEventCount();
    await calls();
    expect(await app.storedEventCount()).toBe(before);
  }

  describe('GET /restaurants/:restaurantId: public', () => {
    it('anyone, with or without a token, of any role: 200 with the restaurant', async () => {
      for (const caller of [anonymous, owner, stranger, consumer, courier, admin]) {
        const answer = await call(caller, 'GET', `/restaurants/${restaurantId}`);
        expect(answer.status).toBe(200);
        expect(answer.body).toMatchObject({ restaurantId, name: aCreateRestaurantBody().name });
      }
    });
  });

  describe('POST /restaurants: admins only', () => {
    it('staff, a consumer, a courier: 403; no token: 401; nothing created', async () => {
      await writesNothing(async () => {
        for (const caller of [owner, stranger, consumer, courier]) expectForbidden(await call(caller, 'POST', '/restaurants', aCreateRestaurantBody()));
        expectUnauthenticated(await call(anonymous, 'POST', '/restaurants', aCreateRestaurantBody()));
      });
    });

    it('X-Actor-* headers grant nothing: staff claiming to be an admin are still refused', async () => {
      await writesNothing(async () => {
        expectForbidden(await call(owner, 'POST', '/restaurants', aCreateRestaurantBody(), { 'X-Actor-Id': 'boss', 'X-Actor-Role': 'admin' }));
      });
    });

    it('an admin: 201, and RestaurantCreated records that admin as its actor', async () => {
      const adminSub = randomUUID();
      const created = await call(app, 'POST', '/restaurants', aCreateRestaurantBody(), await app.environment.issuer.bearer({ role: 'admin', sub: adminSub }));
      expect(created.status).toBe(201);

      const [stored] = await storedOf(created.body.restaurantId);
      expect(stored.type).toBe('RestaurantCreated');
      expect(stored.metadata.actor).toEqual({ id: adminSub, role: 'admin' });
    });
  });

  describe('PUT /restaurants/:restaurantId/menu, POST open and close: the restaurant’s staff or an admin', () => {
    it('its staff: 200 for each, and each event records that user as its actor', async () => {
      for (const [method, action, body] of staffCommands) expect((await call(owner, method, `/restaurants/${restaurantId}/${action}`, body)).status).toBe(200);

      const events = await storedOf(restaurantId);
      const actor = { id: ownerSub, role: 'restaurant', restaurantId };
      expect(events.slice(1).map((e) => [e.type, e.metadata.actor])).toEqual([
        ['RestaurantMenuRevised', actor],
        ['RestaurantOpened', actor],
        ['RestaurantClosed', actor],
      ]);
    });

    it('its staff, with the id in upper case: still theirs', async () => {
      expect((await call(owner, 'POST', `/restaurants/${restaurantId.toUpperCase()}/open`)).status).toBe(200);
      expect((await call(owner, 'POST', `/restaurants/${restaurantId}/close`)).status).toBe(200);
    });

    it('another restaurant’s staff, a consumer, a courier: 403; no token or a bad one: 401; nothing written', async () => {
      await writesNothing(async () => {
        for (const [method, action, body] of staffCommands) {
          const path = `/restaurants/${restaurantId}/${action}`;
          for (const caller of [stranger, consumer, courier]) expectForbidden(await call(caller, method, path, body));
          expectUnauthenticated(await call(anonymous, method, path, body));
          expectUnauthenticated(await call(app, method, path, body, { authorization: 'Bearer not.a-token.at-all' }));
        }
      });
    });

    it('someone else’s restaurant is 403 whether or not it exists (one style)', async () => {
      expectForbidden(await call(owner, 'POST', `/restaurants/${randomUUID()}/open`));
      expectForbidden(await call(owner, 'POST', `/restaurants/${await aRestaurant()}/open`));
    });

    it('an admin: 200 on any restaurant', async () => {
      const other = await aRestaurant();
      for (const [method, action, body] of staffCommands) expect((await call(admin, method, `/restaurants/${other}/${action}`, body)).status).toBe(200);
    });
  });

  // Restaurants consume no events, so they have no /admin/dead-letters.
  it('/health is public; every route in the OpenAPI document declares its policy (x-access)', async () => {
    expect((await call(anonymous, 'GET', '/health')).status).toBe(200);
    const docs = await call(anonymous, 'GET', '/docs-json');
    expect(docs.status).toBe(200);
    expect(routesWithoutPolicy(docs.body)).toEqual([]);
    const paths = docs.body.paths;
    const staff = 'admin, restaurant (own :restaurantId)';
    expect({
      create: paths['/restaurants'].post['x-access'],
      get: paths['/restaurants/{restaurantId}'].get['x-access'],
      menu: paths['/restaurants/{restaurantId}/menu'].put['x-access'],
      open: paths['/restaurants/{restaurantId}/open'].post['x-access'],
      close: paths['/restaurants/{restaurantId}/close'].post['x-access'],
    }).toEqual({ create: 'admin', get: 'public', menu: staff, open: staff, close: staff });
    // A public route asks for no token in the documentation either.
    expect(paths['/restaurants/{restaurantId}'].get.security).toBeUndefined();
  });
});
