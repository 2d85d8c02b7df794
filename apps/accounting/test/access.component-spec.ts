import { routesWithoutPolicy } from '@brigade/auth';
import { as, CallTarget, expectForbidden, expectUnauthenticated } from '@brigade/component-testing';
import { EventStore } from '@brigade/event-store';
import { eventually } from '@brigade/testing';
import { randomUUID } from 'node:crypto';
import { AccountingApp, call, startAccountingApp } from './accounting-app';
import { consumerRegistered, orderCreated } from './accounting-events';

/**
 * Who may call which accounting route (docs/security.md): a consumer reads only their own
 * account, every page of it; credit limits are for admins alone (a consumer may not raise their
 * own); restaurant staff and couriers get none of it. Someone else's account is 403, whether it
 * exists or not.
 */
describe('accounting service: roles and ownership on every route', () => {
  let app: AccountingApp;
  /** The consumer `owner` is bound to, with an open account. */
  let consumerId: string;
  /** Callers, one per kind: the account's consumer, another consumer, other roles, an admin, nobody. */
  let owner: CallTarget;
  let stranger: CallTarget;
  let staff: CallTarget;
  let courier: CallTarget;
  let admin: CallTarget;
  let anonymous: CallTarget;

  beforeAll(async () => {
    app = await startAccountingApp();
    consumerId = await anAccount();
    const { issuer } = app.environment;
    owner = as(app, await issuer.bearer({ role: 'consumer', consumerId }));
    stranger = as(app, await issuer.bearer({ role: 'consumer', consumerId: await anAccount() }));
    staff = as(app, await issuer.bearer({ role: 'restaurant', restaurantId: randomUUID() }));
    courier = as(app, await issuer.bearer({ role: 'courier', courierId: randomUUID() }));
    admin = app; // call(app, ...) sends an admin's token
    anonymous = as(app, {});
  });

  afterAll(async () => {
    await app?.close();
  });

  async function anAccount(): Promise<string> {
    const id = randomUUID();
    await app.publish(consumerRegistered(id));
    await eventually(async () => expect((await call(app, 'GET', `/accounts/${id}`)).status).toBe(200));
    return id;
  }


  /** Runs the calls and checks that none of them stored an event. */
  async function writesNothing(calls: () => Promise<void>): Promise<void> {
    const before = await app.storedEventCount();
    await calls();
    expect(await app.storedEventCount()).toBe(before);
  }

  describe('GET /accounts/:consumerId: the account’s consumer or an admin', () => {
    beforeAll(async () => {
      // One after the other, so the second is the newer payment.
      for (const [count, totalCents] of [[1, 1100], [2, 1200]]) {
        await app.publish(orderCreated(randomUUID(), consumerId, totalCents));
        await eventually(async () => expect((await call(admin, 'GET', `/accounts/${consumerId}`)).body.authorizations).toHaveLength(count));
      }
    });

    it('its consumer and an admin: 200 with the account, every page of it', async () => {
      for (const caller of [owner, admin]) {
        const first = await call(caller, 'GET', `/accounts/${consumerId}?limit=1`);
        expect(first.status).toBe(200);
        expect(first.body).toMatchObject({ consumerId, availableCents: 50000 - 2300, authorizations: [{ amountCents: 1200 }] });
        const second = await call(caller, 'GET', `/accounts/${consumerId}?limit=1&cursor=${first.body.nextCursor}`);
        expect(second.status).toBe(200);
        expect(second.body).toMatchObject({ authorizations: [{ amountCents: 1100 }], nextCursor: null });
      }
      expect((await call(owner, 'GET', `/accounts/${consumerId.toUpperCase()}`)).status).toBe(200);
    });

    it('another consumer, staff, a courier: 403 AUTH.FORBIDDEN, without the account', async () => {
      for (const caller of [stranger, staff, courier]) {
        const answer = await call(caller, 'GET', `/accounts/${consumerId}`);
        expectForbidden(answer);
        expect(answer.body).not.toHaveProperty('availableCents');
      }
    });

    it('someone else’s id is 403 whether or not it has an account (one style); no token or a bad one: 401', async () => {
      expectForbidden(await call(owner, 'GET', `/accounts/${randomUUID()}`));
      expectUnauthenticated(await call(anonymous, 'GET', `/accounts/${consumerId}`));
      expectUnauthenticated(await call(app, 'GET', `/accounts/${consumerId}`, undefined, { authorization: 'Bearer not.a-token.at-all' }));
    });
  });

  describe('PUT /accounts/:consumerId/credit-limit: admins only', () => {
    const raise = { creditLimitCents: 9_000_000 };

    it('the account’s own consumer, another consumer, staff, a courier: 403; no token: 401; nothing written', async () => {
      await writesNothing(async () => {
        for (const caller of [owner, stranger, staff, courier]) expectForbidden(await call(caller, 'PUT', `/accounts/${consumerId}/credit-limit`, raise));
        expectUnauthenticated(await call(anonymous, 'PUT', `/accounts/${consumerId}/credit-limit`, raise));
        // X-Actor-* headers grant nothing.
        expectForbidden(await call(owner, 'PUT', `/accounts/${consumerId}/credit-limit`, raise, { 'X-Actor-Id': 'boss', 'X-Actor-Role': 'admin' }));
      });
      expect((await call(owner, 'GET', `/accounts/${consumerId}`)).body.creditLimitCents).toBe(50000);
    });

    it('an admin: 200, and CreditLimitChanged records that admin as its actor', async () => {
      const id = await anAccount();
      const adminSub = randomUUID();
      const asThatAdmin = as(app, await app.environment.issuer.bearer({ role: 'admin', sub: adminSub }));

      const changed = await call(asThatAdmin, 'PUT', `/accounts/${id}/credit-limit`, { creditLimitCents: 60000 });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ consumerId: id, creditLimitCents: 60000 });

      const events = await new EventStore(app.dataSource).readStream(id);
      expect(events.map((e) => e.type)).toEqual(['AccountOpened', 'CreditLimitChanged']);
      expect(events[1].metadata.actor).toEqual({ id: adminSub, role: 'admin' });
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
    const paths = docs.body.paths;
    expect({
      get: paths['/accounts/{consumerId}'].get['x-access'],
      creditLimit: paths['/accounts/{consumerId}/credit-limit'].put['x-access'],
    }).toEqual({ get: 'admin, consumer (own :consumerId)', creditLimit: 'admin' });
  });
});
