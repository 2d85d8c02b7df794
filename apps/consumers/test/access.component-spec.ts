import { routesWithoutPolicy } from '@brigade/auth';
import { as, CallTarget, expectForbidden, expectUnauthenticated } from '@brigade/component-testing';
import { EventStore } from '@brigade/event-store';
import { randomUUID } from 'node:crypto';
import { aRegisterConsumerBody } from './consumer-requests';
import { call, ConsumersApp, startConsumersApp } from './consumers-app';

/**
 * Who may call which consumers route (docs/security.md): a consumer reads only their own
 * consumer; registering, suspending and reactivating are for admins; restaurant staff and
 * couriers get none of it. Someone else's consumer is 403, whether it exists or not.
 */
describe('consumers service: roles and ownership on every route', () => {
  let app: ConsumersApp;
  /** The consumer `owner` is bound to. */
  let consumerId: string;
  let ownerSub: string;
  /** Callers, one per kind: the consumer's user, another consumer, other roles, an admin, nobody. */
  let owner: CallTarget;
  let stranger: CallTarget;
  let staff: CallTarget;
  let courier: CallTarget;
  let admin: CallTarget;
  let anonymous: CallTarget;

  beforeAll(async () => {
    app = await startConsumersApp();
    const registered = await call(app, 'POST', '/consumers', aRegisterConsumerBody());
    expect(registered.status).toBe(201);
    consumerId = registered.body.consumerId;
    const { issuer } = app.environment;
    ownerSub = randomUUID();
    owner = as(app, await issuer.bearer({ role: 'consumer', consumerId, sub: ownerSub }));
    stranger = as(app, await issuer.bearer({ role: 'consumer', consumerId: randomUUID() }));
    staff = as(app, await issuer.bearer({ role: 'restaurant', restaurantId: randomUUID() }));
    courier = as(app, await issuer.bearer({ role: 'courier', courierId: randomUUID() }));
    admin = app; // call(app, ...) sends an admin's token
    anonymous = as(app, {});
  });

  afterAll(async () => {
    await app?.close();
  });


  /** Runs the calls and checks that none of them stored an event. */
  async function writesNothing(calls: () => Promise<void>): Promise<void> {
    const before = await app.storedEventCount();
    await calls();
    expect(await app.storedEventCount()).toBe(before);
  }

  describe('GET /consumers/:consumerId: the consumer themself or an admin', () => {
    it('the consumer’s user and an admin: 200 with the consumer, whatever the case of the id', async () => {
      for (const caller of [owner, admin]) {
        const answer = await call(caller, 'GET', `/consumers/${consumerId}`);
        expect(answer.status).toBe(200);
        expect(answer.body).toMatchObject({ consumerId, status: 'ACTIVE' });
      }
      expect((await call(owner, 'GET', `/consumers/${consumerId.toUpperCase()}`)).status).toBe(200);
    });

    it('another consumer, staff, a courier: 403 AUTH.FORBIDDEN, without the consumer', async () => {
      for (const caller of [stranger, staff, courier]) {
        const answer = await call(caller, 'GET', `/consumers/${consumerId}`);
        expectForbidden(answer);
        expect(JSON.stringify(answer.body)).not.toContain(aRegisterConsumerBody().email);
      }
    });

    it('someone else’s id is 403 whether or not it exists (one style); no token or a bad one: 401', async () => {
      expectForbidden(await call(owner, 'GET', `/consumers/${randomUUID()}`));
      expectUnauthenticated(await call(anonymous, 'GET', `/consumers/${consumerId}`));
      expectUnauthenticated(await call(app, 'GET', `/consumers/${consumerId}`, undefined, { authorization: 'Bearer not.a-token.at-all' }));
    });
  });

  describe('POST /consumers: admins only (people sign up through identity)', () => {
    it('a consumer, staff, a courier: 403; no token: 401; nothing registered', async () => {
      await writesNothing(async () => {
        for (const caller of [owner, stranger, staff, courier]) expectForbidden(await call(caller, 'POST', '/consumers', aRegisterConsumerBody()));
        expectUnauthenticated(await call(anonymous, 'POST', '/consumers', aRegisterConsumerBody()));
      });
    });

    it('X-Actor-* headers grant nothing: a consumer claiming to be an admin is still refused', async () => {
      const claimed = { 'X-Actor-Id': 'boss', 'X-Actor-Role': 'admin' };
      await writesNothing(async () => {
        expectForbidden(await call(owner, 'POST', '/consumers', aRegisterConsumerBody(), claimed));
        expectUnauthenticated(await call(anonymous, 'POST', '/consumers', aRegisterConsumerBody(), claimed));
      });
    });

    it('an admin: 201, and ConsumerRegistered records that admin as its actor', async () => {
      const adminSub = randomUUID();
      const registered = await call(app, 'POST', '/consumers', aRegisterConsumerBody(), await app.environment.issuer.bearer({ role: 'admin', sub: adminSub }));
      expect(registered.status).toBe(201);

      const [stored] = await new EventStore(app.dataSource).readStream(registered.body.consumerId);
      expect(stored.type).toBe('ConsumerRegistered');
      expect(stored.metadata.actor).toEqual({ id: adminSub, role: 'admin' });
    });
  });

  describe('POST /consumers/:consumerId/suspend and /reactivate: admins only', () => {
    it('the consumer themself, another consumer, staff, a courier: 403; no token: 401; nothing written', async () => {
      await writesNothing(async () => {
        for (const action of ['suspend', 'reactivate']) {
          for (const caller of [owner, stranger, staff, courier]) expectForbidden(await call(caller, 'POST', `/consumers/${consumerId}/${action}`));
          expectUnauthenticated(await call(anonymous, 'POST', `/consumers/${consumerId}/${action}`));
        }
      });
      expect((await call(owner, 'GET', `/consumers/${consumerId}`)).body.status).toBe('ACTIVE');
    });

    it('an admin: 200 both ways, and each event records that admin as its actor', async () => {
      const registered = await call(admin, 'POST', '/consumers', aRegisterConsumerBody());
      const id = registered.body.consumerId;
      const adminSub = randomUUID();
      const asThatAdmin = as(app, await app.environment.issuer.bearer({ role: 'admin', sub: adminSub }));

      expect((await call(asThatAdmin, 'POST', `/consumers/${id}/suspend`)).status).toBe(200);
      expect((await call(asThatAdmin, 'POST', `/consumers/${id}/reactivate`)).status).toBe(200);

      const events = await new EventStore(app.dataSource).readStream(id);
      expect(events.slice(1).map((e) => [e.type, e.metadata.actor])).toEqual([
        ['ConsumerSuspended', { id: adminSub, role: 'admin' }],
        ['ConsumerReactivated', { id: adminSub, role: 'admin' }],
      ]);
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
      register: paths['/consumers'].post['x-access'],
      get: paths['/consumers/{consumerId}'].get['x-access'],
      suspend: paths['/consumers/{consumerId}/suspend'].post['x-access'],
      reactivate: paths['/consumers/{consumerId}/reactivate'].post['x-access'],
    }).toEqual({ register: 'admin', get: 'admin, consumer (own :consumerId)', suspend: 'admin', reactivate: 'admin' });
  });
});
