import { randomUUID } from 'node:crypto';
import { call, HttpAnswer, KitchenApp, startKitchenApp } from './kitchen-app';
import { OrderFixture, RestaurantFixture } from './kitchen-fixtures';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

describe('kitchen service: bad input and illegal transitions are refused and write nothing', () => {
  let app: KitchenApp;
  let restaurant: RestaurantFixture;

  beforeAll(async () => {
    app = await startKitchenApp();
    restaurant = new RestaurantFixture(app);
    await restaurant.created();
    await restaurant.opened();
  });

  afterAll(async () => {
    await app?.close();
  });

  /** A ticket of a new order: created, and approved unless `approved` is false. */
  async function aTicket(approved = true): Promise<string> {
    const order = new OrderFixture(app, restaurant.restaurantId);
    await app.consumed(await order.created());
    if (approved) await app.consumed(await order.approved());
    return order.orderId;
  }

  /** Sends the request and checks that not a single event was stored because of it. */
  async function refused(method: string, path: string, body?: unknown): Promise<HttpAnswer> {
    const before = await app.storedEventCount();
    const answer = await call(app, method, path, body);
    expect(await app.storedEventCount()).toBe(before);
    expect(answer.contentType).toMatch(/^application\/problem\+json/);
    return answer;
  }

  const fieldsOf = (answer: HttpAnswer): string[] => (answer.body.errors ?? []).map((e: { field: string }) => e.field);

  describe('POST /tickets/:orderId/accept', () => {
    let orderId: string;

    beforeAll(async () => {
      orderId = await aTicket();
    });

    it('refuses malformed JSON', async () => {
      const answer = await refused('POST', `/tickets/${orderId}/accept`, '{"readyBy": ');
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('REQUEST.MALFORMED_JSON');
    });

    it.each([
      ['a missing readyBy', {}, 'readyBy'],
      ['a readyBy that is a number', { readyBy: 1764244800000 }, 'readyBy'],
      ['a readyBy that is not a date-time', { readyBy: 'in ten minutes' }, 'readyBy'],
      ['a readyBy without a time', { readyBy: '2030-01-01' }, 'readyBy'],
      ['an extra field', { readyBy: inAnHour(), station: 'tandoor' }, 'station'],
    ])('refuses %s with a 400 naming the field', async (_case, body, field) => {
      const answer = await refused('POST', `/tickets/${orderId}/accept`, body);
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('REQUEST.VALIDATION');
      expect(fieldsOf(answer)).toContain(field);
    });

    it('refuses a readyBy in the past with a 400 KITCHEN.TICKET.INVALID_READY_BY naming readyBy', async () => {
      const answer = await refused('POST', `/tickets/${orderId}/accept`, { readyBy: '2020-01-01T12:00:00Z' });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ code: 'KITCHEN.TICKET.INVALID_READY_BY', details: { field: 'readyBy' } });
    });

    it('refuses a ticket that is not yet confirmed (409), and accepting twice (409)', async () => {
      const pending = await aTicket(false);
      const notConfirmed = await refused('POST', `/tickets/${pending}/accept`, { readyBy: inAnHour() });
      expect(notConfirmed.status).toBe(409);
      expect(notConfirmed.body).toMatchObject({ code: 'KITCHEN.TICKET.ILLEGAL_TRANSITION', details: { orderId: pending, state: 'CREATE_PENDING' } });

      const accepted = await aTicket();
      expect((await call(app, 'POST', `/tickets/${accepted}/accept`, { readyBy: inAnHour() })).status).toBe(200);
      const twice = await refused('POST', `/tickets/${accepted}/accept`, { readyBy: inAnHour() });
      expect(twice.status).toBe(409);
      expect(twice.body.code).toBe('KITCHEN.TICKET.ILLEGAL_TRANSITION');
    });
  });

  describe('preparing and ready out of turn', () => {
    it('refuses to prepare a ticket that was not accepted, and to mark one ready that is not being prepared (409)', async () => {
      const orderId = await aTicket();
      const preparing = await refused('POST', `/tickets/${orderId}/preparing`);
      expect(preparing.status).toBe(409);
      expect(preparing.body).toMatchObject({ code: 'KITCHEN.TICKET.ILLEGAL_TRANSITION', details: { state: 'AWAITING_ACCEPTANCE' } });
      const ready = await refused('POST', `/tickets/${orderId}/ready`);
      expect(ready.status).toBe(409);
      expect(ready.body.code).toBe('KITCHEN.TICKET.ILLEGAL_TRANSITION');
    });
  });

  describe('ids and queries', () => {
    it.each([
      ['GET', '/tickets/not-a-uuid', 'orderId'],
      ['POST', '/tickets/not-a-uuid/accept', 'orderId'],
      ['POST', '/tickets/not-a-uuid/preparing', 'orderId'],
      ['POST', '/tickets/not-a-uuid/ready', 'orderId'],
      ['GET', '/restaurants/not-a-uuid/tickets', 'restaurantId'],
    ])('%s %s refuses a non-UUID id with a 400 naming %s', async (method, path, field) => {
      const answer = await refused(method, path, path.endsWith('accept') ? { readyBy: inAnHour() } : undefined);
      expect(answer.status).toBe(400);
      expect(fieldsOf(answer)).toEqual([field]);
    });

    it.each([
      ['GET', `/tickets/${UNKNOWN_ID}`],
      ['POST', `/tickets/${UNKNOWN_ID}/accept`],
      ['POST', `/tickets/${UNKNOWN_ID}/preparing`],
      ['POST', `/tickets/${UNKNOWN_ID}/ready`],
    ])('%s %s answers 404 KITCHEN.TICKET.NOT_FOUND', async (method, path) => {
      const answer = await refused(method, path, path.endsWith('accept') ? { readyBy: inAnHour() } : undefined);
      expect(answer.status).toBe(404);
      expect(answer.body).toMatchObject({ status: 404, code: 'KITCHEN.TICKET.NOT_FOUND' });
    });

    it.each([
      ['an unknown state', '?state=COOKING', 'state'],
      ['a query parameter it does not know', '?colour=red', 'colour'],
      ['a limit of 0', '?limit=0', 'limit'],
      ['a limit above 100', '?limit=101', 'limit'],
      ['a limit that is not a whole number', '?limit=2.5', 'limit'],
      ['a limit given twice', '?limit=2&limit=3', 'limit'],
      ['a cursor it did not hand out', '?cursor=bm90LWEtY3Vyc29y', 'cursor'],
      ['a cursor that is not base64url', '?cursor=%2B%2F%3D', 'cursor'],
    ])('GET /restaurants/:id/tickets refuses %s with a 400 naming it', async (_case, query, field) => {
      const answer = await refused('GET', `/restaurants/${restaurant.restaurantId}/tickets${query}`);
      expect(answer.status).toBe(400);
      expect(fieldsOf(answer)).toContain(field);
    });

    it('lists nothing for a restaurant without tickets', async () => {
      const answer = await call(app, 'GET', `/restaurants/${randomUUID()}/tickets`);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ items: [], nextCursor: null });
    });
  });

  describe('health and OpenAPI', () => {
    it('GET /health is 200 with the database and NATS up', async () => {
      const health = await call(app, 'GET', '/health');
      expect(health.status).toBe(200);
      expect(health.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, nats: { status: 'up' } } });
    });

    it('GET /docs-json documents every kitchen route with its answers', async () => {
      const docs = await call(app, 'GET', '/docs-json');
      const paths = docs.body.paths;
      expect(paths['/tickets/{orderId}'].get.responses).toHaveProperty('404');
      expect(paths['/tickets/{orderId}/accept'].post.responses).toHaveProperty('409');
      expect(paths['/tickets/{orderId}/preparing'].post.responses).toHaveProperty('409');
      expect(paths['/tickets/{orderId}/ready'].post.responses).toHaveProperty('409');
      const list = paths['/restaurants/{restaurantId}/tickets'].get;
      expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['state', 'cursor', 'limit']));
      expect(list.parameters.find((p: { name: string }) => p.name === 'limit').schema).toMatchObject({ minimum: 1, maximum: 100, default: 20 });
      expect(list.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/TicketPageResponse' });
      expect(docs.body.components.schemas.TicketPageResponse.required).toEqual(expect.arrayContaining(['items', 'nextCursor']));
    });
  });
});
