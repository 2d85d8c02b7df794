import { call as callAs, ComponentEnvironment } from '@brigade/component-testing';
import { identityContext } from '@brigade/contracts/identity';
import { EventStore } from '@brigade/event-store';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { ADMIN, APP, as, bearer, call, HttpAnswer, IdentityApp, startIdentityApp } from './identity-app';
import { aCreateUserBody, PASSWORD, without } from './identity-requests';

describe('identity service: the first admin, and the staff, couriers and admins it creates (POST /auth/users)', () => {
  let app: IdentityApp;
  let admin: Record<string, string>;

  beforeAll(async () => {
    app = await startIdentityApp();
    admin = await app.adminHeaders();
  });

  afterAll(async () => {
    await app?.close();
  });

  const createUser = (body: unknown, headers: Record<string, string> = admin): Promise<HttpAnswer> => call(as(app, headers), 'POST', '/auth/users', body);

  it('registers the first admin from BRIGADE_ADMIN_EMAIL / BRIGADE_ADMIN_PASSWORD at start-up, as the platform', async () => {
    const [{ user_id: userId }] = await app.dataSource.query('SELECT user_id FROM identity_credentials WHERE email = $1', [ADMIN.email]);
    const [registered] = await new EventStore(app.dataSource).readStream(userId);
    expect(registered.data).toEqual({ userId, email: ADMIN.email, role: 'admin' });
    expect(registered.metadata.actor).toEqual({ id: 'identity-start-up', role: 'system' });
    const { payload } = await app.verify(await app.login(ADMIN.email, ADMIN.password));
    expect(payload).toMatchObject({ sub: userId, role: 'admin' });
    expect(payload).not.toHaveProperty('consumer_id');
  });

  it.each([
    ['restaurant staff', { role: 'restaurant', restaurantId: randomUUID() }, 'restaurant_id', 'restaurantId'],
    ['a courier', { role: 'courier', restaurantId: undefined, courierId: randomUUID() }, 'courier_id', 'courierId'],
  ])('creates %s, who logs in with its role and binding in the token', async (_case, overrides, claim, field) => {
    const body = aCreateUserBody(overrides);

    const created = await createUser(body);

    expect(created.status).toBe(201);
    expect(created.body).toEqual({ userId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    const { payload } = await app.verify(await app.login(body.email, PASSWORD));
    expect(payload).toMatchObject({ sub: created.body.userId, role: body.role, [claim]: (body as Record<string, unknown>)[field] });
    expect(Object.keys(payload).filter((key) => key.endsWith('_id'))).toEqual([claim]);
  });

  it('creates another admin, who may create users in turn', async () => {
    const body = aCreateUserBody({ role: 'admin', restaurantId: undefined });
    expect((await createUser(body)).status).toBe(201);

    const secondAdmin = bearer(await app.login(body.email, PASSWORD));
    expect((await createUser(aCreateUserBody(), secondAdmin)).status).toBe(201);
  });

  it('records the admin who created a user as the actor of its registration', async () => {
    const { payload } = await app.verify(admin.authorization.slice('Bearer '.length));
    const created = await createUser(aCreateUserBody());
    const [registered] = await new EventStore(app.dataSource).readStream(created.body.userId);
    expect(registered.metadata.actor).toEqual({ id: payload.sub, role: 'admin' });
  });

  it.each([
    ['restaurant staff without their restaurant', aCreateUserBody({ restaurantId: undefined }), 'restaurantId'],
    ['a courier without its courier', aCreateUserBody({ role: 'courier', restaurantId: undefined }), 'courierId'],
    ['a courier bound to a restaurant', aCreateUserBody({ role: 'courier', courierId: randomUUID() }), 'restaurantId'],
    ['an admin bound to a courier', aCreateUserBody({ role: 'admin', restaurantId: undefined, courierId: randomUUID() }), 'courierId'],
    ['a consumer (consumers sign up themselves)', aCreateUserBody({ role: 'consumer', restaurantId: undefined }), 'role'],
    ['an unknown role', aCreateUserBody({ role: 'owner' }), 'role'],
    ['a restaurant id that is no UUID', aCreateUserBody({ restaurantId: 'kitchen-1' }), 'restaurantId'],
    ['a short password', aCreateUserBody({ password: 'short' }), 'password'],
    ['a missing email', without(aCreateUserBody(), 'email'), 'email'],
  ])('refuses %s with a 400 naming the field, writing nothing', async (_case, body, field) => {
    const [events, credentials] = [await app.storedEventCount(), await app.credentialCount()];
    const answer = await createUser(body);
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect([await app.storedEventCount(), await app.credentialCount()]).toEqual([events, credentials]);
  });

  it('refuses a taken email with 409', async () => {
    const answer = await createUser(aCreateUserBody({ email: ADMIN.email }));
    expect(answer.status).toBe(409);
    expect(answer.body.code).toBe('IDENTITY.USER.EMAIL_TAKEN');
  });

  it('refuses a consumer’s token (403) and a request without one (401)', async () => {
    const { token } = await app.signUpConsumer();

    const asConsumer = await createUser(aCreateUserBody(), bearer(token));
    const anonymous = await createUser(aCreateUserBody(), {});

    expect(asConsumer.status).toBe(403);
    expect(asConsumer.body.code).toBe('AUTH.FORBIDDEN');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe('AUTH.UNAUTHENTICATED');
  });

  it('refuses an admin token of another issuer’s key (401): identity trusts only the keys it holds', async () => {
    const foreign = await callAs(app, 'POST', '/auth/users', aCreateUserBody());
    expect(foreign.status).toBe(401);
    expect(foreign.body.code).toBe('AUTH.UNAUTHENTICATED');
  });

  it('refuses the admin routes of signing keys to a consumer (403)', async () => {
    const { token } = await app.signUpConsumer();
    expect((await call(as(app, bearer(token)), 'POST', '/admin/signing-keys/rotate')).status).toBe(403);
  });

  it('registers the first admin and creates the first key once, when two replicas start together on a new database, and again after a restart', async () => {
    const fresh = await ComponentEnvironment.create({ app: APP, context: identityContext });
    try {
      // Started at once: the harness swaps process.env around each start, which two overlapping
      // starts would leave swapped, so the environment is put back here.
      const env = { ...process.env };
      const replicas = await Promise.all([fresh.startApp({ module: AppModule, env: app.env }), fresh.startApp({ module: AppModule, env: app.env })]).finally(() => {
        for (const key of Object.keys(process.env)) if (!(key in env)) delete process.env[key];
        Object.assign(process.env, env);
      });
      await fresh.stopApp(replicas[0]);
      await fresh.startApp({ module: AppModule, env: app.env });
      const dataSource = replicas[1].get(DataSource);

      expect(await dataSource.query('SELECT user_id FROM identity_credentials WHERE email = $1', [ADMIN.email])).toHaveLength(1);
      const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM es_events WHERE event_type = 'UserRegistered'`);
      expect(n).toBe(1);
      const [{ keys }] = await dataSource.query('SELECT count(*)::int AS keys FROM identity_signing_keys');
      expect(keys).toBe(1);
    } finally {
      await fresh.close();
    }
  });
});
