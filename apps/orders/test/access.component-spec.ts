import { as, CallTarget, expectForbidden, expectUnauthenticated } from '@brigade/component-testing';
import { EventStore } from '@brigade/event-store';
import { routesWithoutPolicy } from '@brigade/auth';
import { randomUUID } from 'node:crypto';
import { call } from './http';
import { aCreateOrderBody, CONSUMER_ID, VINDALOO } from './order-fixtures';
import { OrdersApp, OrdersTestEnvironment } from './orders-environment';
import { approvedOrder, OpenRestaurantScenario, orderInState, startWithAnOpenRestaurant } from './open-restaurant-scenario';

/**
 * Who may call which orders route (docs/security.md): a consumer places orders for themselves and
 * reads, cancels and revises only their own; restaurant staff and couriers none of it; an admin
 * everything. The fixtures' orders belong to CONSUMER_ID; every other caller is a stranger to them.
 */
describe('orders service: roles and ownership on every route', () => {
  let scenario: OpenRestaurantScenario;
  let env: OrdersTestEnvironment;
  let app: OrdersApp;
  /** Callers, one per kind: the orders' consumer, another consumer, other roles, an admin, nobody. */
  let owner: CallTarget;
  let ownerSub: string;
  let stranger: CallTarget;
  let staff: CallTarget;
  let courier: CallTarget;
  let admin: CallTarget;
  let anonymous: CallTarget;

  beforeAll(async () => {
    scenario = await startWithAnOpenRestaurant();
    ({ env, app } = scenario);
    ownerSub = randomUUID();
    owner = as(app, await env.issuer.bearer({ role: 'consumer', consumerId: CONSUMER_ID, sub: ownerSub }));
    stranger = as(app, await env.issuer.bearer({ role: 'consumer', consumerId: randomUUID() }));
    staff = as(app, await env.issuer.bearer({ role: 'restaurant', restaurantId: scenario.restaurant.restaurantId }));
    courier = as(app, await env.issuer.bearer({ role: 'courier', courierId: randomUUID() }));
    admin = app; // call(app, ...) sends an admin's token
    anonymous = as(app, {});
  });

  afterAll(async () => {
    await env?.close();
  });

  const storedOf = async (orderId: string) => new EventStore(app.dataSource).readStream(orderId);
  const ordersCreated = async (): Promise<number> => (await app.dataSource.query(`SELECT count(*)::int AS n FROM es_events WHERE event_type = 'OrderCreated'`))[0].n;
  const revision = { lineItems: [{ menuItemId: VINDALOO, quantity: 3 }] };


  describe('POST /orders: a consumer for themselves (body.consumerId), an admin for anyone', () => {
    const body = () => aCreateOrderBody(scenario.restaurant.restaurantId);

    it('the consumer named in the body: 201, and the order’s events record that user as their actor', async () => {
      const created = await call(owner, 'POST', '/orders', body());
      expect(created.status).toBe(201);

      const [orderCreated] = await storedOf(created.body.orderId);
      expect(orderCreated.type).toBe('OrderCreated');
      expect(orderCreated.metadata.actor).toEqual({ id: ownerSub, role: 'consumer', consumerId: CONSUMER_ID });
      // A UUID is the same id in upper case.
      expect((await call(owner, 'POST', '/orders', { ...body(), consumerId: CONSUMER_ID.toUpperCase() })).status).toBe(201);
    });

    it('an order for another consumer, and staff or couriers: 403 AUTH.FORBIDDEN, nothing placed', async () => {
      const before = await ordersCreated();
      for (const caller of [stranger, staff, courier]) expectForbidden(await call(caller, 'POST', '/orders', body()));
      expect(await ordersCreated()).toBe(before);
    });

    it('no token, or one that does not verify: 401 problem+json AUTH.UNAUTHENTICATED', async () => {
      expectUnauthenticated(await call(anonymous, 'POST', '/orders', body()));
      expectUnauthenticated(await call(app, 'POST', '/orders', body(), { authorization: 'Bearer not.a-token.at-all' }));
    });

    it('an admin, for any consumer: 201', async () => {
      expect((await call(admin, 'POST', '/orders', body())).status).toBe(201);
      expect((await call(admin, 'POST', '/orders', { ...body(), consumerId: randomUUID() })).status).toBe(201);
    });
  });

  describe('GET /orders/:orderId: the order’s consumer (checked on the loaded order) or an admin', () => {
    let orderId: string;

    beforeAll(async () => {
      orderId = await approvedOrder(scenario);
    });

    it('its consumer and an admin: 200 with the order', async () => {
      for (const caller of [owner, admin]) {
        const answer = await call(caller, 'GET', `/orders/${orderId}`);
        expect(answer.status).toBe(200);
        expect(answer.body).toMatchObject({ orderId, consumerId: CONSUMER_ID, state: 'APPROVED' });
      }
    });

    it('another consumer, staff, a courier: 403 AUTH.FORBIDDEN, without the order', async () => {
      for (const caller of [stranger, staff, courier]) {
        const answer = await call(caller, 'GET', `/orders/${orderId}`);
        expectForbidden(answer);
        expect(JSON.stringify(answer.body)).not.toContain(CONSUMER_ID);
      }
    });

    it('an unknown order is 404 for a consumer too (not found before not yours); no token: 401', async () => {
      const unknown = await call(stranger, 'GET', `/orders/${randomUUID()}`);
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('ORDERS.ORDER.NOT_FOUND');
      expectUnauthenticated(await call(anonymous, 'GET', `/orders/${orderId}`));
    });
  });

  describe('POST /orders/:orderId/cancel: the order’s consumer or an admin', () => {
    it('its consumer: 202, and OrderCancelRequested records that user as its actor', async () => {
      const orderId = await approvedOrder(scenario);
      expect((await call(owner, 'POST', `/orders/${orderId}/cancel`)).status).toBe(202);

      await orderInState(scenario, orderId, 'CANCEL_PENDING');
      const requested = (await storedOf(orderId)).find((e) => e.type === 'OrderCancelRequested');
      expect(requested?.metadata.actor).toEqual({ id: ownerSub, role: 'consumer', consumerId: CONSUMER_ID });
    });

    it('another consumer, staff, a courier: 403 before the order’s state is judged, nothing written; no token: 401', async () => {
      const orderId = await approvedOrder(scenario);
      for (const caller of [stranger, staff, courier]) expectForbidden(await call(caller, 'POST', `/orders/${orderId}/cancel`));
      expectUnauthenticated(await call(anonymous, 'POST', `/orders/${orderId}/cancel`));
      expect((await storedOf(orderId)).map((e) => e.type)).toEqual(['OrderCreated', 'OrderApproved']);

      // Even where its owner would hear 409 (a cancel already pending), a stranger hears 403.
      expect((await call(admin, 'POST', `/orders/${orderId}/cancel`)).status).toBe(202);
      expect((await call(owner, 'POST', `/orders/${orderId}/cancel`)).status).toBe(409);
      expectForbidden(await call(stranger, 'POST', `/orders/${orderId}/cancel`));
      expect((await call(stranger, 'POST', `/orders/${randomUUID()}/cancel`)).status).toBe(404);
    });

    it('an admin: 202', async () => {
      const orderId = await approvedOrder(scenario);
      expect((await call(admin, 'POST', `/orders/${orderId}/cancel`)).status).toBe(202);
      const requested = (await storedOf(orderId)).find((e) => e.type === 'OrderCancelRequested');
      expect(requested?.metadata.actor).toMatchObject({ role: 'admin' });
    });
  });

  describe('POST /orders/:orderId/revise: the order’s consumer or an admin', () => {
    it('its consumer: 202, and OrderRevisionProposed records that user as its actor', async () => {
      const orderId = await approvedOrder(scenario);
      expect((await call(owner, 'POST', `/orders/${orderId}/revise`, revision)).status).toBe(202);

      await orderInState(scenario, orderId, 'REVISION_PENDING');
      const proposed = (await storedOf(orderId)).find((e) => e.type === 'OrderRevisionProposed');
      expect(proposed?.metadata.actor).toEqual({ id: ownerSub, role: 'consumer', consumerId: CONSUMER_ID });
    });

    it('another consumer, staff, a courier: 403, nothing written; no token: 401; an unknown order: 404', async () => {
      const orderId = await approvedOrder(scenario);
      for (const caller of [stranger, staff, courier]) expectForbidden(await call(caller, 'POST', `/orders/${orderId}/revise`, revision));
      expectUnauthenticated(await call(anonymous, 'POST', `/orders/${orderId}/revise`, revision));
      expect((await storedOf(orderId)).map((e) => e.type)).toEqual(['OrderCreated', 'OrderApproved']);
      expect((await call(stranger, 'POST', `/orders/${randomUUID()}/revise`, revision)).status).toBe(404);
    });

    it('an admin: 202', async () => {
      const orderId = await approvedOrder(scenario);
      expect((await call(admin, 'POST', `/orders/${orderId}/revise`, revision)).status).toBe(202);
    });
  });

  describe('/admin/dead-letters: admins only', () => {
    it('an admin: 200; a consumer, staff, a courier: 403; no token: 401', async () => {
      expect((await call(admin, 'GET', '/admin/dead-letters')).status).toBe(200);
      for (const caller of [owner, staff, courier]) expectForbidden(await call(caller, 'GET', '/admin/dead-letters'));
      expectUnauthenticated(await call(anonymous, 'GET', '/admin/dead-letters'));
    });
  });

  it('/health is public; every route in the OpenAPI document declares its policy (x-access)', async () => {
    expect((await call(anonymous, 'GET', '/health')).status).toBe(200);
    const docs = await call(anonymous, 'GET', '/docs-json');
    expect(docs.status).toBe(200);
    expect(routesWithoutPolicy(docs.body)).toEqual([]);
    expect(docs.body.paths['/orders'].post['x-access']).toBe('admin, consumer (own body.consumerId)');
    expect(docs.body.paths['/orders/{orderId}'].get['x-access']).toBe('admin, consumer (own, checked on the resource)');
  });
});
