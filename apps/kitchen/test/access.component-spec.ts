import { routePoliciesOf } from '@brigade/auth';
import { as, CallTarget } from '@brigade/component-testing';
import { ticketAcceptedV1, ticketPreparingV1, ticketReadyForPickupV1 } from '@brigade/contracts/kitchen';
import { EventStore } from '@brigade/event-store';
import { Headers } from '@brigade/messaging';
import { randomUUID } from 'node:crypto';
import { call, HttpAnswer, KitchenApp, startKitchenApp } from './kitchen-app';
import { OrderFixture, RestaurantFixture } from './kitchen-fixtures';

const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

// Restaurant staff act on their own restaurant's tickets only; admins on every ticket; consumers,
// couriers and callers without a token on none. The actor of what staff do comes from their token.
describe('kitchen access: who may read and work which tickets', () => {
  let app: KitchenApp;
  let restaurant: RestaurantFixture;
  let staff: CallTarget;
  let otherStaff: CallTarget;
  let outsiders: Array<[string, CallTarget]>;
  const anonymous = () => as(app, {});
  const staffUser = `staff-${randomUUID()}`;

  beforeAll(async () => {
    app = await startKitchenApp();
    restaurant = new RestaurantFixture(app);
    await restaurant.created();
    await restaurant.opened();
    const issuer = app.environment.issuer;
    staff = as(app, await issuer.bearer({ role: 'restaurant', sub: staffUser, restaurantId: restaurant.restaurantId }));
    otherStaff = as(app, await issuer.bearer({ role: 'restaurant', restaurantId: randomUUID() }));
    outsiders = [
      ['another restaurant’s staff', otherStaff],
      // Bound to ids equal to the restaurant's: a binding of another role never stands in for it.
      ['a consumer', as(app, await issuer.bearer({ role: 'consumer', consumerId: restaurant.restaurantId }))],
      ['a courier', as(app, await issuer.bearer({ role: 'courier', courierId: restaurant.restaurantId }))],
    ];
  });

  afterAll(async () => {
    await app?.close();
  });

  /** A ticket awaiting acceptance at the restaurant. */
  async function anApprovedTicket(): Promise<string> {
    const order = new OrderFixture(app, restaurant.restaurantId);
    await app.consumed(await order.created());
    await app.consumed(await order.approved());
    return order.orderId;
  }

  /** Sends the request and checks that it wrote nothing. */
  async function refused(target: CallTarget, method: string, path: string, body?: unknown): Promise<HttpAnswer> {
    const before = await app.storedEventCount();
    const answer = await call(target, method, path, body);
    expect(await app.storedEventCount()).toBe(before);
    expect(answer.contentType).toMatch(/^application\/problem\+json/);
    return answer;
  }

  async function expectForbidden(target: CallTarget, method: string, path: string, body?: unknown): Promise<void> {
    const answer = await refused(target, method, path, body);
    expect({ status: answer.status, code: answer.body.code }).toEqual({ status: 403, code: 'AUTH.FORBIDDEN' });
  }

  async function expectUnauthenticated(method: string, path: string, body?: unknown): Promise<void> {
    const answer = await refused(anonymous(), method, path, body);
    expect({ status: answer.status, code: answer.body.code }).toEqual({ status: 401, code: 'AUTH.UNAUTHENTICATED' });
    expect(answer.headers.get('www-authenticate')).toBe('Bearer');
  }

  it('declares a policy on every route, in the OpenAPI document (x-access)', async () => {
    const document = (await call(anonymous(), 'GET', '/docs-json')).body;
    const own = 'admin, restaurant (own, checked on the resource)';
    expect(routePoliciesOf(document)).toEqual(
      expect.arrayContaining([
        { method: 'GET', path: '/tickets/{orderId}', access: own },
        { method: 'POST', path: '/tickets/{orderId}/accept', access: own },
        { method: 'POST', path: '/tickets/{orderId}/preparing', access: own },
        { method: 'POST', path: '/tickets/{orderId}/ready', access: own },
        { method: 'GET', path: '/restaurants/{restaurantId}/tickets', access: 'admin, restaurant (own :restaurantId)' },
      ]),
    );
    expect(routePoliciesOf(document).filter((route) => route.access === undefined)).toEqual([]);
  });

  describe('a ticket (GET /tickets/:orderId), checked against the ticket’s restaurant', () => {
    it('answers its own restaurant’s staff and admins; 403 to other staff, consumers and couriers; 401 without a token', async () => {
      const orderId = await anApprovedTicket();
      const path = `/tickets/${orderId}`;

      for (const [who, target] of outsiders) {
        const answer = await call(target, 'GET', path);
        expect({ who, status: answer.status, code: answer.body.code }).toEqual({ who, status: 403, code: 'AUTH.FORBIDDEN' });
      }
      await expectUnauthenticated('GET', path);
      const own = await call(staff, 'GET', path);
      expect(own.status).toBe(200);
      expect(own.body).toMatchObject({ orderId, restaurantId: restaurant.restaurantId, state: 'AWAITING_ACCEPTANCE' });
      expect((await call(app, 'GET', path)).body).toEqual(own.body);
    });

    it('answers 404 for an order without a ticket to any staff: whether it exists comes before whose it is', async () => {
      for (const target of [staff, otherStaff]) {
        const answer = await call(target, 'GET', `/tickets/${randomUUID()}`);
        expect({ status: answer.status, code: answer.body.code }).toEqual({ status: 404, code: 'KITCHEN.TICKET.NOT_FOUND' });
      }
    });
  });

  describe('the staff commands (accept, preparing, ready), checked against the ticket’s restaurant', () => {
    it('lets its own staff take the ticket through; refuses everyone else at every step (403, nothing written); 401 without a token', async () => {
      const orderId = await anApprovedTicket();
      const steps: Array<[string, unknown, string]> = [
        ['accept', { readyBy: inAnHour() }, 'ACCEPTED'],
        ['preparing', undefined, 'PREPARING'],
        ['ready', undefined, 'READY_FOR_PICKUP'],
      ];

      for (const [step, body, state] of steps) {
        const path = `/tickets/${orderId}/${step}`;
        for (const [, target] of outsiders) await expectForbidden(target, 'POST', path, body);
        await expectUnauthenticated('POST', path, body);
        const done = await call(staff, 'POST', path, body);
        expect({ step, status: done.status, state: done.body.state }).toEqual({ step, status: 200, state });
      }
    });

    it('lets an admin work any restaurant’s ticket', async () => {
      const orderId = await anApprovedTicket();
      expect((await call(app, 'POST', `/tickets/${orderId}/accept`, { readyBy: inAnHour() })).status).toBe(200);
      expect((await call(app, 'POST', `/tickets/${orderId}/preparing`)).status).toBe(200);
    });

    it('answers 404 for an order without a ticket before anything else, to staff of any restaurant', async () => {
      for (const target of [staff, otherStaff]) {
        const answer = await refused(target, 'POST', `/tickets/${randomUUID()}/preparing`);
        expect({ status: answer.status, code: answer.body.code }).toEqual({ status: 404, code: 'KITCHEN.TICKET.NOT_FOUND' });
      }
    });

    it('records the staff user of the token as the actor of what they did, stored and published', async () => {
      const orderId = await anApprovedTicket();
      expect((await call(staff, 'POST', `/tickets/${orderId}/accept`, { readyBy: inAnHour() })).status).toBe(200);
      expect((await call(staff, 'POST', `/tickets/${orderId}/preparing`)).status).toBe(200);
      expect((await call(app, 'POST', `/tickets/${orderId}/ready`)).status).toBe(200);

      const actor = { id: staffUser, role: 'restaurant', restaurantId: restaurant.restaurantId };
      const stored = await new EventStore(app.dataSource).readStream(orderId);
      expect(stored.slice(-3).map((e) => [e.type, e.metadata.actor])).toEqual([
        ['TicketAccepted', actor],
        ['TicketPreparationStarted', actor],
        ['TicketReadyForPickup', { id: expect.any(String), role: 'admin' }],
      ]);
      const published = (await app.publishedFor(orderId, 5)).slice(-3);
      expect(published.map((m) => [m.subject.slice(app.subjectPrefix.length), JSON.parse(m.headers.get(Headers.Actor))])).toEqual([
        [ticketAcceptedV1.subject, actor],
        [ticketPreparingV1.subject, actor],
        [ticketReadyForPickupV1.subject, { id: expect.any(String), role: 'admin' }],
      ]);
    });
  });

  describe('a restaurant’s tickets (GET /restaurants/:restaurantId/tickets), checked against the path', () => {
    it('answers its own staff and admins; 403 to other staff, consumers and couriers; 401 without a token', async () => {
      const orderId = await anApprovedTicket();
      const path = `/restaurants/${restaurant.restaurantId}/tickets?limit=100`;

      for (const [who, target] of outsiders) {
        const answer = await call(target, 'GET', path);
        expect({ who, status: answer.status, code: answer.body.code }).toEqual({ who, status: 403, code: 'AUTH.FORBIDDEN' });
      }
      await expectUnauthenticated('GET', path);
      const own = await call(staff, 'GET', path);
      expect(own.status).toBe(200);
      expect(own.body.items).toContainEqual(expect.objectContaining({ orderId }));
      expect((await call(app, 'GET', path)).body).toEqual(own.body);
    });

    it('answers staff only for their own restaurant, whatever it holds: another restaurant’s list is 403, not empty', async () => {
      const elsewhere = `/restaurants/${randomUUID()}/tickets`;
      await expectForbidden(staff, 'GET', elsewhere);
      expect((await call(app, 'GET', elsewhere)).body).toEqual({ items: [], nextCursor: null });
    });
  });
});
