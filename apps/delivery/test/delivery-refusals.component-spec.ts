import { courierAvailabilityChangedV1, courierRegisteredV1 } from '@brigade/contracts/delivery';
import { call, DeliveryApp, HttpAnswer } from './delivery-app';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('delivery service: couriers over HTTP, and bad input refused without writing anything', () => {
  let app: DeliveryApp;

  beforeAll(async () => {
    app = await DeliveryApp.start();
  });

  afterAll(async () => {
    await app?.close();
  });

  /** Sends the request and checks that not a single event was stored because of it. */
  async function refused(method: string, path: string, body?: unknown): Promise<HttpAnswer> {
    const before = await app.storedEventCount();
    const answer = await call(app, method, path, body);
    expect(await app.storedEventCount()).toBe(before);
    expect(answer.contentType).toMatch(/^application\/problem\+json/);
    return answer;
  }

  const fieldsOf = (answer: HttpAnswer): string[] => (answer.body.errors ?? []).map((e: { field: string }) => e.field);

  it('registers a courier off shift (201, Location), publishes registered.v1, then availability-changed.v1 on shift', async () => {
    const registered = await call(app, 'POST', '/couriers', { name: 'Grace Hopper' });
    expect(registered.status).toBe(201);
    const { courierId } = registered.body;
    expect(registered.headers.get('location')).toBe(`/couriers/${courierId}`);
    expect((await call(app, 'GET', `/couriers/${courierId}`)).body).toEqual({ courierId, name: 'Grace Hopper', available: false, deliveryOrderId: null, version: 1 });

    const onShift = await call(app, 'POST', `/couriers/${courierId}/availability`, { available: true });
    expect(onShift.status).toBe(200);
    expect(onShift.body).toEqual({ courierId, name: 'Grace Hopper', available: true, deliveryOrderId: null, version: 2 });
    const again = await call(app, 'POST', `/couriers/${courierId}/availability`, { available: true });
    expect(again.body).toMatchObject({ available: true, version: 2 }); // the same availability changes nothing

    const [reg, changed] = await app.publishedFor(courierId, 2);
    expect(courierRegisteredV1.parse(reg.payload)).toEqual({ courierId, name: 'Grace Hopper' });
    expect(changed.subject).toBe(`${app.subjectPrefix}${courierAvailabilityChangedV1.subject}`);
    expect(courierAvailabilityChangedV1.parse(changed.payload)).toEqual({ courierId, available: true });
  });

  describe('POST /couriers', () => {
    it('refuses malformed JSON', async () => {
      const answer = await refused('POST', '/couriers', '{"name": ');
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('REQUEST.MALFORMED_JSON');
    });

    it.each([
      ['a missing name', {}, 'name'],
      ['a blank name', { name: '   ' }, 'name'],
      ['a name that is a number', { name: 42 }, 'name'],
      ['a name too long', { name: 'x'.repeat(201) }, 'name'],
      ['an extra field', { name: 'Ada', courierId: UNKNOWN_ID }, 'courierId'],
    ])('refuses %s with a 400 naming the field', async (_case, body, field) => {
      const answer = await refused('POST', '/couriers', body);
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('REQUEST.VALIDATION');
      expect(fieldsOf(answer)).toContain(field);
    });
  });

  describe('POST /couriers/:id/availability', () => {
    it.each([
      ['a missing available', {}, 'available'],
      ['available as a string', { available: 'true' }, 'available'],
      ['available as a number', { available: 1 }, 'available'],
      ['an extra field', { available: true, since: 'now' }, 'since'],
    ])('refuses %s with a 400 naming the field', async (_case, body, field) => {
      const answer = await refused('POST', `/couriers/${UNKNOWN_ID}/availability`, body);
      expect(answer.status).toBe(400);
      expect(fieldsOf(answer)).toContain(field);
    });

    it('answers 404 DELIVERY.COURIER.NOT_FOUND for an unknown courier', async () => {
      const answer = await refused('POST', `/couriers/${UNKNOWN_ID}/availability`, { available: true });
      expect(answer.status).toBe(404);
      expect(answer.body).toMatchObject({ status: 404, code: 'DELIVERY.COURIER.NOT_FOUND' });
    });
  });

  describe('ids', () => {
    it.each([
      ['GET', '/couriers/not-a-uuid', 'courierId'],
      ['POST', '/couriers/not-a-uuid/availability', 'courierId'],
      ['GET', '/deliveries/not-a-uuid', 'orderId'],
      ['POST', '/deliveries/not-a-uuid/pickup', 'orderId'],
      ['POST', '/deliveries/not-a-uuid/deliver', 'orderId'],
    ])('%s %s refuses a non-UUID id with a 400 naming %s', async (method, path, field) => {
      const answer = await refused(method, path, path.endsWith('availability') ? { available: true } : undefined);
      expect(answer.status).toBe(400);
      expect(fieldsOf(answer)).toEqual([field]);
    });

    it.each([
      ['GET', `/couriers/${UNKNOWN_ID}`, 'DELIVERY.COURIER.NOT_FOUND'],
      ['GET', `/deliveries/${UNKNOWN_ID}`, 'DELIVERY.DELIVERY.NOT_FOUND'],
      ['POST', `/deliveries/${UNKNOWN_ID}/pickup`, 'DELIVERY.DELIVERY.NOT_FOUND'],
      ['POST', `/deliveries/${UNKNOWN_ID}/deliver`, 'DELIVERY.DELIVERY.NOT_FOUND'],
    ])('%s %s answers 404 %s', async (method, path, code) => {
      const answer = await refused(method, path);
      expect(answer.status).toBe(404);
      expect(answer.body).toMatchObject({ status: 404, code });
    });
  });

  describe('health and OpenAPI', () => {
    it('GET /health is 200 with the database and NATS up', async () => {
      const health = await call(app, 'GET', '/health');
      expect(health.status).toBe(200);
      expect(health.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, nats: { status: 'up' } } });
    });

    it('GET /docs-json documents every delivery route with its answers', async () => {
      const paths = (await call(app, 'GET', '/docs-json')).body.paths;
      expect(paths['/couriers'].post.responses).toHaveProperty('201');
      expect(paths['/couriers/{courierId}'].get.responses).toHaveProperty('404');
      expect(paths['/couriers/{courierId}/availability'].post.responses).toHaveProperty('404');
      expect(paths['/deliveries/{orderId}'].get.responses).toHaveProperty('404');
      expect(paths['/deliveries/{orderId}/pickup'].post.responses).toHaveProperty('409');
      expect(paths['/deliveries/{orderId}/deliver'].post.responses).toHaveProperty('409');
    });
  });
});
