import { aRegisterConsumerBody, without } from './consumer-requests';
import { call, ConsumersApp, HttpAnswer, startConsumersApp } from './consumers-app';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('consumers service: bad input and illegal transitions are refused and write nothing', () => {
  let app: ConsumersApp;
  let existingId: string;

  beforeAll(async () => {
    app = await startConsumersApp();
    const registered = await call(app, 'POST', '/consumers', aRegisterConsumerBody());
    expect(registered.status).toBe(201);
    existingId = registered.body.consumerId;
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

  function fieldsOf(answer: HttpAnswer): string[] {
    return (answer.body.errors ?? []).map((e: { field: string }) => e.field);
  }

  describe('POST /consumers', () => {
    it('refuses malformed JSON', async () => {
      const answer = await refused('POST', '/consumers', '{"email": "ada@example.com",');
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('REQUEST.MALFORMED_JSON');
    });

    it('refuses a body that is not an object', async () => {
      const answer = await refused('POST', '/consumers', [aRegisterConsumerBody()]);
      expect(answer.status).toBe(400);
      expect(fieldsOf(answer)).toContain('body');
    });

    it.each([
      ['a missing name', without(aRegisterConsumerBody(), 'name'), 'name'],
      ['a missing email', without(aRegisterConsumerBody(), 'email'), 'email'],
      ['a missing lastName', aRegisterConsumerBody({ name: { firstName: 'Ada' } }), 'name.lastName'],
      ['an extra field', aRegisterConsumerBody({ creditLimitCents: 100 }), 'creditLimitCents'],
      ['an extra field in the name', aRegisterConsumerBody({ name: { firstName: 'Ada', lastName: 'Lovelace', title: 'Countess' } }), 'name.title'],
      ['a name that is a string', aRegisterConsumerBody({ name: 'Ada Lovelace' }), 'name'],
      ['a firstName of the wrong type', aRegisterConsumerBody({ name: { firstName: 42, lastName: 'Lovelace' } }), 'name.firstName'],
      ['a blank firstName', aRegisterConsumerBody({ name: { firstName: '  ', lastName: 'Lovelace' } }), 'name.firstName'],
      ['an empty lastName', aRegisterConsumerBody({ name: { firstName: 'Ada', lastName: '' } }), 'name.lastName'],
      ['a lastName that is too long', aRegisterConsumerBody({ name: { firstName: 'Ada', lastName: 'x'.repeat(101) } }), 'name.lastName'],
      ['an email without @', aRegisterConsumerBody({ email: 'ada.example.com' }), 'email'],
      ['an email without a top-level domain', aRegisterConsumerBody({ email: 'ada@example' }), 'email'],
      ['an email of the wrong type', aRegisterConsumerBody({ email: 7 }), 'email'],
      ['an email that is too long', aRegisterConsumerBody({ email: `${'a'.repeat(250)}@example.com` }), 'email'],
    ])('refuses %s with a 400 naming the field', async (_case, body, field) => {
      const answer = await refused('POST', '/consumers', body);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ status: 400, code: 'REQUEST.VALIDATION' });
      expect(fieldsOf(answer)).toContain(field);
    });
  });

  describe('ids in the path', () => {
    it.each([
      ['GET', '/consumers/not-a-uuid'],
      ['POST', '/consumers/not-a-uuid/suspend'],
      ['POST', '/consumers/not-a-uuid/reactivate'],
    ])('%s %s refuses a non-UUID id with a 400 naming consumerId', async (method, path) => {
      const answer = await refused(method, path);
      expect(answer.status).toBe(400);
      expect(fieldsOf(answer)).toEqual(['consumerId']);
    });

    it.each([
      ['GET', `/consumers/${UNKNOWN_ID}`],
      ['POST', `/consumers/${UNKNOWN_ID}/suspend`],
      ['POST', `/consumers/${UNKNOWN_ID}/reactivate`],
    ])('%s %s answers 404 CONSUMERS.CONSUMER.NOT_FOUND', async (method, path) => {
      const answer = await refused(method, path);
      expect(answer.status).toBe(404);
      expect(answer.body).toMatchObject({ status: 404, code: 'CONSUMERS.CONSUMER.NOT_FOUND' });
    });
  });

  describe('illegal transitions', () => {
    it('refuses to reactivate a consumer that is active (409 ALREADY_ACTIVE)', async () => {
      const answer = await refused('POST', `/consumers/${existingId}/reactivate`);
      expect(answer.status).toBe(409);
      expect(answer.body).toMatchObject({ code: 'CONSUMERS.CONSUMER.ALREADY_ACTIVE', details: { consumerId: existingId } });
    });

    it('refuses to suspend a consumer twice (409 ALREADY_SUSPENDED)', async () => {
      const registered = await call(app, 'POST', '/consumers', aRegisterConsumerBody());
      expect((await call(app, 'POST', `/consumers/${registered.body.consumerId}/suspend`)).status).toBe(200);

      const answer = await refused('POST', `/consumers/${registered.body.consumerId}/suspend`);

      expect(answer.status).toBe(409);
      expect(answer.body).toMatchObject({ code: 'CONSUMERS.CONSUMER.ALREADY_SUSPENDED', details: { consumerId: registered.body.consumerId } });
    });
  });
});
