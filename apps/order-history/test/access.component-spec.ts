import { routesWithoutPolicy } from '@brigade/auth';
import { as, CallTarget, expectForbidden, expectUnauthenticated } from '@brigade/component-testing';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { eventually } from '@brigade/testing';
import { call, ORDER_VIEW_VERSION, OrderHistoryApp, startOrderHistoryApp } from './order-history-app';
import { OrderStory } from './order-story';

/**
 * Who may read what of the order history (docs/security.md): a consumer their own orders (the
 * order, its status, their list), restaurant search anyone, the projections' admin surface admins
 * only. The order routes check the owner on the row they read: for the status, the consumer id
 * kept beside it in Redis, so the hot path needs no other round trip.
 */
describe('order-history: roles and ownership on every route', () => {
  let app: OrderHistoryApp;
  /** The story's order belongs to its consumer; `owner` speaks for them. */
  const story = new OrderStory();
  let owner: CallTarget;
  let stranger: CallTarget;
  let staff: CallTarget;
  let courier: CallTarget;
  let admin: CallTarget;
  let anonymous: CallTarget;
  let redis: Redis;

  beforeAll(async () => {
    app = await startOrderHistoryApp();
    const { issuer } = app.environment;
    owner = as(app, await issuer.bearer({ role: 'consumer', consumerId: story.consumerId }));
    stranger = as(app, await issuer.bearer({ role: 'consumer', consumerId: randomUUID() }));
    staff = as(app, await issuer.bearer({ role: 'restaurant', restaurantId: story.restaurantId }));
    courier = as(app, await issuer.bearer({ role: 'courier', courierId: randomUUID() }));
    admin = app; // call(app, ...) sends an admin's token
    anonymous = as(app, {});
    for (const step of story.upTo('ticketAccepted')) expect((await app.deliver(step)).outcome).toBe('processed');
    redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  });

  afterAll(async () => {
    redis?.disconnect();
    await app?.close();
  });

  const others = () => [stranger, staff, courier];

  describe('GET /order-history/orders/:orderId: the order’s consumer (checked on the view’s row) or an admin', () => {
    const path = () => `/order-history/orders/${story.orderId}`;

    it('its consumer and an admin: 200 with the order', async () => {
      for (const caller of [owner, admin]) {
        const answer = await call(caller, 'GET', path());
        expect(answer.status).toBe(200);
        expect(answer.body).toMatchObject({ orderId: story.orderId, consumerId: story.consumerId, state: 'APPROVED' });
      }
    });

    it('another consumer, staff, a courier: 403 AUTH.FORBIDDEN; no token: 401', async () => {
      for (const caller of others()) expectForbidden(await call(caller, 'GET', path()));
      expectUnauthenticated(await call(anonymous, 'GET', path()));
    });

    it('an unknown order: 404 for a consumer too (not found comes before not yours)', async () => {
      const unknown = await call(stranger, 'GET', `/order-history/orders/${randomUUID()}`);
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('ORDER_HISTORY.ORDER.NOT_FOUND');
    });

    it('an order whose consumer no event has named yet: not found for consumers, shown to an admin; theirs once its creation arrives', async () => {
      const early = new OrderStory();
      const ownerOfEarly = as(app, await app.environment.issuer.bearer({ role: 'consumer', consumerId: early.consumerId }));
      await app.deliver(early.steps.ticketCreated); // the kitchen's event overtook the order's own
      for (const route of [`/order-history/orders/${early.orderId}`, `/order-history/orders/${early.orderId}/status`]) {
        expect((await call(ownerOfEarly, 'GET', route)).status).toBe(404);
        expect((await call(stranger, 'GET', route)).status).toBe(404);
        expect((await call(admin, 'GET', route)).status).toBe(200);
      }

      await app.deliver(early.steps.orderCreated);
      for (const route of [`/order-history/orders/${early.orderId}`, `/order-history/orders/${early.orderId}/status`]) {
        await eventually(async () => expect((await call(ownerOfEarly, 'GET', route)).status).toBe(200));
        expectForbidden(await call(stranger, 'GET', route));
      }
    });
  });

  describe('GET /order-history/orders/:orderId/status: the same, checked on the owner kept beside the status', () => {
    const path = () => `/order-history/orders/${story.orderId}/status`;
    const entryKey = async () => `${app.redisKeyPrefix}g${await redis.get(`${app.redisKeyPrefix}generation`)}:order-status:v${ORDER_VIEW_VERSION}:${story.orderId}`;

    it('served from Redis: its consumer and an admin 200, the owner kept in the entry, not in the answer', async () => {
      const answer = await eventually(async () => {
        const served = await call(owner, 'GET', path());
        expect(served.status).toBe(200);
        expect(served.headers.get('x-served-from')).toBe('redis');
        return served;
      });
      expect(answer.body).toMatchObject({ orderId: story.orderId, state: 'APPROVED', ticketState: 'ACCEPTED' });
      expect(answer.body).not.toHaveProperty('consumerId');
      expect(await redis.hget(await entryKey(), 'consumer')).toBe(story.consumerId);

      const asAdmin = await call(admin, 'GET', path());
      expect(asAdmin.status).toBe(200);
      expect(asAdmin.headers.get('x-served-from')).toBe('redis');
    });

    it('another consumer, staff, a courier: 403 AUTH.FORBIDDEN; no token: 401; an unknown order: 404', async () => {
      await eventually(async () => expect((await call(admin, 'GET', path())).headers.get('x-served-from')).toBe('redis'));
      for (const caller of others()) expectForbidden(await call(caller, 'GET', path()));
      expectUnauthenticated(await call(anonymous, 'GET', path()));
      expect((await call(stranger, 'GET', `/order-history/orders/${randomUUID()}/status`)).status).toBe(404);
    });

    it('an entry without its owner (written by an earlier build) is not trusted: read from PostgreSQL and checked there', async () => {
      await eventually(async () => expect((await call(admin, 'GET', path())).headers.get('x-served-from')).toBe('redis'));
      await redis.hdel(await entryKey(), 'consumer');

      const asOwner = await call(owner, 'GET', path());
      expect(asOwner.status).toBe(200);
      expect(asOwner.headers.get('x-served-from')).toBe('postgres');
      expectForbidden(await call(stranger, 'GET', path()));
    });
  });

  describe('GET /order-history/consumers/:consumerId/orders: that consumer (the path’s id) or an admin', () => {
    const path = () => `/order-history/consumers/${story.consumerId}/orders`;

    it('that consumer and an admin: 200 with the orders', async () => {
      for (const caller of [owner, admin]) {
        const answer = await call(caller, 'GET', path());
        expect(answer.status).toBe(200);
        expect(answer.body.items.map((item: { orderId: string }) => item.orderId)).toEqual([story.orderId]);
      }
    });

    it('another consumer, staff, a courier: 403 AUTH.FORBIDDEN; no token: 401', async () => {
      for (const caller of others()) expectForbidden(await call(caller, 'GET', path()));
      expectUnauthenticated(await call(anonymous, 'GET', path()));
    });
  });

  describe('GET /search/restaurants: public', () => {
    it('answers without a token, and with any', async () => {
      for (const caller of [anonymous, owner, staff, courier, admin]) expect((await call(caller, 'GET', '/search/restaurants?q=piz')).status).toBe(200);
    });
  });

  describe('/admin/projections and /admin/dead-letters: admins only', () => {
    it('an admin: 200; a consumer, staff, a courier: 403 (a rebuild too, nothing started); no token: 401', async () => {
      for (const path of ['/admin/projections', '/admin/dead-letters']) {
        expect((await call(admin, 'GET', path)).status).toBe(200);
        for (const caller of [owner, staff, courier]) expectForbidden(await call(caller, 'GET', path));
        expectUnauthenticated(await call(anonymous, 'GET', path));
      }
      expectForbidden(await call(owner, 'POST', '/admin/projections/order-view/rebuild'));
      expectUnauthenticated(await call(anonymous, 'POST', '/admin/projections/order-view/rebuild'));
      const projections = await call(admin, 'GET', '/admin/projections');
      expect(projections.body.projections.find((p: { name: string }) => p.name === 'order-view')).toMatchObject({ activeVersion: ORDER_VIEW_VERSION, rebuild: null });
    });
  });

  it('/health is public; every route in the OpenAPI document declares its policy (x-access)', async () => {
    expect((await call(anonymous, 'GET', '/health')).status).toBe(200);
    const docs = await call(anonymous, 'GET', '/docs-json');
    expect(docs.status).toBe(200);
    expect(routesWithoutPolicy(docs.body)).toEqual([]);
    expect(docs.body.paths['/order-history/orders/{orderId}/status'].get['x-access']).toBe('admin, consumer (own, checked on the resource)');
    expect(docs.body.paths['/order-history/consumers/{consumerId}/orders'].get['x-access']).toBe('admin, consumer (own :consumerId)');
    expect(docs.body.paths['/search/restaurants'].get['x-access']).toBe('public');
    expect(docs.body.paths['/admin/projections'].get['x-access']).toBe('admin');
  });
});
