import { routePoliciesOf } from '@brigade/auth';
import { as, CallTarget, HttpAnswer } from '@brigade/component-testing';
import { courierAvailabilityChangedV1, deliveryCourierAssignedV1, deliveryDeliveredV1, deliveryPickedUpV1 } from '@brigade/contracts/delivery';
import { Actor, EventStore } from '@brigade/event-store';
import { Headers } from '@brigade/messaging';
import { randomUUID } from 'node:crypto';
import { aCourier, call, DeliveryApp, deliveryOnce, setAvailable } from './delivery-app';
import { aRestaurant, OrderFixture } from './delivery-fixtures';

// Admins register couriers; a courier reads and sets only their own availability, and sees and
// works only the deliveries assigned to them; admins everything. The actor of what a courier does
// comes from their token.
describe('delivery access: who may act on which courier and delivery', () => {
  let app: DeliveryApp;
  let restaurantId: string;
  const anonymous = () => as(app, {});

  beforeAll(async () => {
    app = await DeliveryApp.start();
    restaurantId = await aRestaurant(app);
  });

  afterEach(async () => {
    // The board is shared by the file: a courier left free would take the next test's delivery.
    expect(await app.board()).toEqual({ free: [], waiting: [] });
  });

  afterAll(async () => {
    await app?.close();
  });

  /** A courier's own token (a user bound to the courier). */
  async function asCourier(courierId: string, sub = randomUUID()): Promise<CallTarget> {
    return as(app, await app.issuer.bearer({ role: 'courier', sub, courierId }));
  }

  /** Tokens of roles that never reach a courier or a delivery, bound to ids that equal the courier's. */
  async function otherRoles(courierId: string): Promise<Array<[string, CallTarget]>> {
    return [
      ['a consumer', as(app, await app.issuer.bearer({ role: 'consumer', consumerId: courierId }))],
      ['restaurant staff', as(app, await app.issuer.bearer({ role: 'restaurant', restaurantId: courierId }))],
    ];
  }

  /** Sends the request and checks that it wrote nothing. */
  async function refused(target: CallTarget, method: string, path: string, body?: unknown): Promise<HttpAnswer> {
    const before = await app.storedEventCount();
    const answer = await call(target, method, path, body);
    expect(await app.storedEventCount()).toBe(before);
    expect(answer.contentType).toMatch(/^application\/problem\+json/);
    return answer;
  }

  async function expectForbidden(who: string, target: CallTarget, method: string, path: string, body?: unknown): Promise<void> {
    const answer = await refused(target, method, path, body);
    expect({ who, path, status: answer.status, code: answer.body.code }).toEqual({ who, path, status: 403, code: 'AUTH.FORBIDDEN' });
  }

  async function expectUnauthenticated(method: string, path: string, body?: unknown): Promise<void> {
    const answer = await refused(anonymous(), method, path, body);
    expect({ path, status: answer.status, code: answer.body.code }).toEqual({ path, status: 401, code: 'AUTH.UNAUTHENTICATED' });
  }

  it('declares a policy on every route, in the OpenAPI document (x-access)', async () => {
    const document = (await call(anonymous(), 'GET', '/docs-json')).body;
    const ownCourier = 'admin, courier (own :courierId)';
    const assigned = 'admin, courier (own, checked on the resource)';
    expect(routePoliciesOf(document)).toEqual(
      expect.arrayContaining([
        { method: 'POST', path: '/couriers', access: 'admin' },
        { method: 'GET', path: '/couriers/{courierId}', access: ownCourier },
        { method: 'POST', path: '/couriers/{courierId}/availability', access: ownCourier },
        { method: 'GET', path: '/deliveries/{orderId}', access: assigned },
        { method: 'POST', path: '/deliveries/{orderId}/pickup', access: assigned },
        { method: 'POST', path: '/deliveries/{orderId}/deliver', access: assigned },
      ]),
    );
    expect(routePoliciesOf(document).filter((route) => route.access === undefined)).toEqual([]);
  });

  describe('couriers', () => {
    it('registering one (POST /couriers) is for admins: 403 to couriers, consumers and staff, 401 without a token', async () => {
      const body = { name: 'Ada Lovelace' };
      for (const [who, target] of [['a courier', await asCourier(randomUUID())] as [string, CallTarget], ...(await otherRoles(randomUUID()))]) {
        await expectForbidden(who, target, 'POST', '/couriers', body);
      }
      await expectUnauthenticated('POST', '/couriers', body);
      expect((await call(app, 'POST', '/couriers', body)).status).toBe(201);
    });

    it('a courier reads and sets their own availability; another courier, a consumer or staff get 403, no token 401; admins may', async () => {
      const courierId = await aCourier(app, { available: false });
      const user = randomUUID();
      const own = await asCourier(courierId, user);
      const outsiders: Array<[string, CallTarget]> = [['another courier', await asCourier(randomUUID())], ...(await otherRoles(courierId))];

      for (const [method, path, body] of [
        ['GET', `/couriers/${courierId}`, undefined],
        ['POST', `/couriers/${courierId}/availability`, { available: true }],
      ] as const) {
        for (const [who, target] of outsiders) await expectForbidden(who, target, method, path, body);
        await expectUnauthenticated(method, path, body);
      }
      const read = await call(own, 'GET', `/couriers/${courierId}`);
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ courierId, available: false });
      expect((await call(app, 'GET', `/couriers/${courierId}`)).body).toEqual(read.body);
      const onShift = await call(own, 'POST', `/couriers/${courierId}/availability`, { available: true });
      expect(onShift.status).toBe(200);
      expect(onShift.body).toMatchObject({ courierId, available: true });
      expect((await setAvailable(app, courierId, false)).available).toBe(false); // an admin may too

      const stored = await new EventStore(app.dataSource).readStream(courierId);
      expect(stored.map((e) => [e.type, (e.data as { available?: boolean }).available, e.metadata.actor])).toEqual([
        ['CourierRegistered', undefined, { id: expect.any(String), role: 'admin' }],
        ['CourierAvailabilityChanged', true, { id: user, role: 'courier', courierId }],
        ['CourierAvailabilityChanged', false, { id: expect.any(String), role: 'admin' }],
      ]);
      const [, changed] = await app.publishedFor(courierId, 3);
      expect(changed.subject).toBe(`${app.subjectPrefix}${courierAvailabilityChangedV1.subject}`);
      expect(JSON.parse(changed.headers.get(Headers.Actor))).toEqual({ id: user, role: 'courier', courierId });
    });
  });

  describe('deliveries, checked against the delivery’s assigned courier', () => {
    it('its courier reads, picks up and delivers it; nobody else (403, nothing written), no token 401; the courier is the recorded actor', async () => {
      const courierId = await aCourier(app, { available: false });
      const user = randomUUID();
      const own = await asCourier(courierId, user);
      const outsiders: Array<[string, CallTarget]> = [['another courier', await asCourier(randomUUID())], ...(await otherRoles(courierId))];
      const order = await new OrderFixture(app, restaurantId).approvedAndApplied();
      const { orderId } = order;
      await app.consumed(await order.ticketAccepted());
      const path = `/deliveries/${orderId}`;

      // Waiting for a courier: no courier's yet, the one who will take it included; an admin sees it.
      await expectForbidden('its courier-to-be', own, 'GET', path);
      expect((await call(app, 'GET', path)).body).toMatchObject({ state: 'PENDING', courierId: null });

      // On shift with their own token, the courier takes the waiting delivery.
      expect((await call(own, 'POST', `/couriers/${courierId}/availability`, { available: true })).body).toMatchObject({ deliveryOrderId: orderId });
      for (const [who, target] of outsiders) await expectForbidden(who, target, 'GET', path);
      await expectUnauthenticated('GET', path);
      const read = await call(own, 'GET', path);
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ orderId, state: 'ASSIGNED', courierId });
      expect((await call(app, 'GET', path)).body).toEqual(read.body);

      await app.consumed(await order.ticketReady());
      for (const [step, state] of [['pickup', 'PICKED_UP'], ['deliver', 'DELIVERED']] as const) {
        for (const [who, target] of outsiders) await expectForbidden(who, target, 'POST', `${path}/${step}`);
        await expectUnauthenticated('POST', `${path}/${step}`);
        const done = await call(own, 'POST', `${path}/${step}`);
        expect({ step, status: done.status, state: done.body.state }).toEqual({ step, status: 200, state });
      }

      const actor: Actor = { id: user, role: 'courier', courierId };
      const stored = await new EventStore(app.dataSource).readStream(orderId);
      const courierSteps = stored.filter((e) => ['DeliveryCourierAssigned', 'DeliveryPickedUp', 'DeliveryDelivered'].includes(e.type));
      expect(courierSteps.map((e) => [e.type, e.metadata.actor])).toEqual([
        ['DeliveryCourierAssigned', actor],
        ['DeliveryPickedUp', actor],
        ['DeliveryDelivered', actor],
      ]);
      const published = (await app.publishedFor(orderId, 4)).slice(-3);
      expect(published.map((m) => [m.subject.slice(app.subjectPrefix.length), JSON.parse(m.headers.get(Headers.Actor))])).toEqual([
        [deliveryCourierAssignedV1.subject, actor],
        [deliveryPickedUpV1.subject, actor],
        [deliveryDeliveredV1.subject, actor],
      ]);
      await setAvailable(app, courierId, false);
    });

    it('an admin reads, picks up and delivers any delivery', async () => {
      const courierId = await aCourier(app);
      const order = await new OrderFixture(app, restaurantId).approvedAndApplied();
      await app.consumed(await order.ticketAccepted());
      await app.consumed(await order.ticketReady());
      await deliveryOnce(app, order.orderId, { state: 'ASSIGNED', courierId, readyForPickup: true });

      expect((await call(app, 'POST', `/deliveries/${order.orderId}/pickup`)).status).toBe(200);
      expect((await call(app, 'POST', `/deliveries/${order.orderId}/deliver`)).body).toMatchObject({ state: 'DELIVERED', courierId });
      await setAvailable(app, courierId, false);
    });

    it('answers 404 for an order without a delivery before anything else, to any courier', async () => {
      for (const target of [await asCourier(randomUUID()), await asCourier(randomUUID())]) {
        for (const [method, path] of [
          ['GET', `/deliveries/${randomUUID()}`],
          ['POST', `/deliveries/${randomUUID()}/pickup`],
          ['POST', `/deliveries/${randomUUID()}/deliver`],
        ]) {
          const answer = await refused(target, method, path);
          expect({ path, status: answer.status, code: answer.body.code }).toEqual({ path, status: 404, code: 'DELIVERY.DELIVERY.NOT_FOUND' });
        }
      }
    });
  });
});
