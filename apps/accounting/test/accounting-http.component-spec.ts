import { accountCreditLimitChangedV1 } from '@brigade/contracts/accounting';
import { eventually } from '@brigade/testing';
import { randomUUID } from 'node:crypto';
import { AccountingApp, call, HttpAnswer, startAccountingApp } from './accounting-app';
import { consumerRegistered, orderCreated } from './accounting-events';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('accounting service over HTTP: credit limits, refusals, health and OpenAPI', () => {
  let app: AccountingApp;

  beforeAll(async () => {
    app = await startAccountingApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  async function anAccount(): Promise<string> {
    const consumerId = randomUUID();
    await app.publish(consumerRegistered(consumerId));
    await eventually(async () => expect((await call(app, 'GET', `/accounts/${consumerId}`)).status).toBe(200));
    return consumerId;
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

  describe('PUT /accounts/:consumerId/credit-limit', () => {
    it('raises the limit: the available credit moves with it, and credit-limit-changed.v1 is published', async () => {
      const consumerId = await anAccount();

      const changed = await call(app, 'PUT', `/accounts/${consumerId}/credit-limit`, { creditLimitCents: 75000 });

      expect(changed.status).toBe(200);
      expect(changed.body).toEqual({ consumerId, creditLimitCents: 75000, availableCents: 75000, authorizations: [], nextCursor: null });
      expect((await call(app, 'GET', `/accounts/${consumerId}`)).body).toEqual(changed.body);
      const message = await eventually(() => {
        const found = app.published.find((m) => m.subject === `${app.subjectPrefix}${accountCreditLimitChangedV1.subject}` && m.aggregateId === consumerId);
        if (!found) throw new Error('no credit-limit-changed.v1 yet');
        return found;
      });
      expect(accountCreditLimitChangedV1.parse(message.payload)).toEqual({ consumerId, creditLimitCents: 75000 });
    });

    it('lowers the limit while keeping what is authorised, and changes nothing when the limit is the same', async () => {
      const consumerId = await anAccount();
      const orderId = randomUUID();
      await app.publish(orderCreated(orderId, consumerId, 2997));
      await eventually(async () => expect((await call(app, 'GET', `/accounts/${consumerId}`)).body.availableCents).toBe(50000 - 2997));

      const lowered = await call(app, 'PUT', `/accounts/${consumerId}/credit-limit`, { creditLimitCents: 10000 });
      expect(lowered.status).toBe(200);
      expect(lowered.body).toMatchObject({ creditLimitCents: 10000, availableCents: 10000 - 2997 });

      const before = await app.storedEventCount();
      const again = await call(app, 'PUT', `/accounts/${consumerId}/credit-limit`, { creditLimitCents: 10000 });
      expect(again.status).toBe(200);
      expect(again.body).toEqual(lowered.body);
      expect(await app.storedEventCount()).toBe(before);
    });

    it('refuses a limit below what is authorised with 422 ACCOUNTING.ACCOUNT.CREDIT_LIMIT_BELOW_AUTHORIZED', async () => {
      const consumerId = await anAccount();
      await app.publish(orderCreated(randomUUID(), consumerId, 2997));
      await eventually(async () => expect((await call(app, 'GET', `/accounts/${consumerId}`)).body.availableCents).toBe(50000 - 2997));

      const answer = await refused('PUT', `/accounts/${consumerId}/credit-limit`, { creditLimitCents: 2996 });

      expect(answer.status).toBe(422);
      expect(answer.body).toMatchObject({ code: 'ACCOUNTING.ACCOUNT.CREDIT_LIMIT_BELOW_AUTHORIZED', details: { authorizedCents: 2997 } });
    });

    describe('bad input', () => {
      let consumerId: string;

      beforeAll(async () => {
        consumerId = await anAccount();
      });

      it('refuses malformed JSON', async () => {
        const answer = await refused('PUT', `/accounts/${consumerId}/credit-limit`, '{"creditLimitCents": ');
        expect(answer.status).toBe(400);
        expect(answer.body.code).toBe('REQUEST.MALFORMED_JSON');
      });

      it.each([
        ['a missing creditLimitCents', {}, 'creditLimitCents'],
        ['a negative limit', { creditLimitCents: -1 }, 'creditLimitCents'],
        ['a fractional limit', { creditLimitCents: 100.5 }, 'creditLimitCents'],
        ['a limit sent as a string', { creditLimitCents: '50000' }, 'creditLimitCents'],
        ['a huge limit', { creditLimitCents: 1e15 }, 'creditLimitCents'],
        ['a limit just above the maximum', { creditLimitCents: 10_000_001 }, 'creditLimitCents'],
        ['an extra field', { creditLimitCents: 1000, availableCents: 1000 }, 'availableCents'],
      ])('refuses %s with a 400 naming the field', async (_case, body, field) => {
        const answer = await refused('PUT', `/accounts/${consumerId}/credit-limit`, body);
        expect(answer.status).toBe(400);
        expect(answer.body).toMatchObject({ status: 400, code: 'REQUEST.VALIDATION' });
        expect(fieldsOf(answer)).toContain(field);
      });

      it('refuses a body that is not an object', async () => {
        const answer = await refused('PUT', `/accounts/${consumerId}/credit-limit`, [{ creditLimitCents: 1000 }]);
        expect(answer.status).toBe(400);
        expect(fieldsOf(answer)).toContain('body');
      });
    });
  });

  describe('GET /accounts/:consumerId paging', () => {
    let consumerId: string;

    beforeAll(async () => {
      consumerId = await anAccount();
    });

    it.each([
      ['a limit of 0', '?limit=0', 'limit'],
      ['a limit above 100', '?limit=101', 'limit'],
      ['a negative limit', '?limit=-5', 'limit'],
      ['a fractional limit', '?limit=1.5', 'limit'],
      ['a limit that is not a number', '?limit=ten', 'limit'],
      ['a limit with a leading zero', '?limit=020', 'limit'],
      ['two limits', '?limit=10&limit=20', 'limit'],
      ['an empty cursor', '?cursor=', 'cursor'],
      ['a cursor this service never answered', '?cursor=bm90LWEtY3Vyc29y', 'cursor'],
      ['a cursor with characters outside base64url', '?cursor=a%2Bb', 'cursor'],
      ['an unknown query field', '?offset=20', 'offset'],
    ])('refuses %s with a 400 naming the field', async (_case, query, field) => {
      const answer = await refused('GET', `/accounts/${consumerId}${query}`);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ status: 400, code: 'REQUEST.VALIDATION' });
      expect(fieldsOf(answer)).toContain(field);
    });

    it('answers a page of the largest size, and an empty account as one last page', async () => {
      const answer = await call(app, 'GET', `/accounts/${consumerId}?limit=100`);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ authorizations: [], nextCursor: null });
    });
  });

  describe('ids in the path', () => {
    it.each([
      ['GET', '/accounts/not-a-uuid'],
      ['PUT', '/accounts/not-a-uuid/credit-limit'],
    ])('%s %s refuses a non-UUID id with a 400 naming consumerId', async (method, path) => {
      const answer = await refused(method, path, method === 'PUT' ? { creditLimitCents: 1000 } : undefined);
      expect(answer.status).toBe(400);
      expect(fieldsOf(answer)).toEqual(['consumerId']);
    });

    it.each([
      ['GET', `/accounts/${UNKNOWN_ID}`],
      ['PUT', `/accounts/${UNKNOWN_ID}/credit-limit`],
    ])('%s %s answers 404 ACCOUNTING.ACCOUNT.NOT_FOUND', async (method, path) => {
      const answer = await refused(method, path, method === 'PUT' ? { creditLimitCents: 1000 } : undefined);
      expect(answer.status).toBe(404);
      expect(answer.body).toMatchObject({ status: 404, code: 'ACCOUNTING.ACCOUNT.NOT_FOUND' });
    });
  });

  describe('platform', () => {
    it('GET /health is 200 with the database and NATS up', async () => {
      const health = await call(app, 'GET', '/health');
      expect(health.status).toBe(200);
      expect(health.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, nats: { status: 'up' } } });
    });

    it('GET /docs-json documents every accounts route with its answers', async () => {
      const docs = await call(app, 'GET', '/docs-json');
      expect(docs.status).toBe(200);
      const paths = docs.body.paths;
      expect(paths['/accounts/{consumerId}'].get.responses).toHaveProperty('404');
      expect(paths['/accounts/{consumerId}'].get.parameters).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ name: 'cursor', in: 'query', required: false }),
          expect.objectContaining({ name: 'limit', in: 'query', required: false, schema: expect.objectContaining({ minimum: 1, maximum: 100, default: 20 }) }),
        ]),
      );
      expect(docs.body.components.schemas.AccountResponse.properties.nextCursor).toMatchObject({ nullable: true });
      expect(paths['/accounts/{consumerId}/credit-limit'].put.responses).toEqual(expect.objectContaining({ 200: expect.anything(), 422: expect.anything() }));
      expect(docs.body.components.schemas.ChangeCreditLimitRequest.required).toEqual(['creditLimitCents']);
    });
  });
});
