import { aUserRegisteredV1, userRegisteredV1 } from '@brigade/contracts/identity';
import { EventStore } from '@brigade/event-store';
import { Headers } from '@brigade/messaging';
import { eventually, TEST_AUDIENCE, TEST_ISSUER } from '@brigade/testing';
import { as, bearer, call, IdentityApp, PublishedMessage, startIdentityApp } from './identity-app';
import { aSignUpBody, PASSWORD } from './identity-requests';

describe('identity service: sign-up, login, and tokens every app can verify', () => {
  let app: IdentityApp;

  beforeAll(async () => {
    app = await startIdentityApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  function publishedFor(userId: string): Promise<PublishedMessage> {
    return eventually(() => {
      const message = app.published.find((m) => m.aggregateId === userId && m.subject === `${app.subjectPrefix}${userRegisteredV1.subject}`);
      if (!message) throw new Error(`nothing published for ${userId}`);
      return message;
    });
  }

  it('POST /auth/signup answers 201 with the user and its new consumer', async () => {
    const signedUp = await call(as(app, {}), 'POST', '/auth/signup', aSignUpBody());

    expect(signedUp.status).toBe(201);
    expect(signedUp.body).toEqual({ userId: expect.stringMatching(/^[0-9a-f-]{36}$/), consumerId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(signedUp.body.consumerId).not.toBe(signedUp.body.userId);
  });

  it('stores UserRegistered and publishes identity.user.registered.v1 for consumers to register the Consumer, without any credential', async () => {
    const body = aSignUpBody();
    const { userId, consumerId } = (await call(as(app, {}), 'POST', '/auth/signup', body, { 'X-Correlation-Id': 'corr-sign-up' })).body;

    const [stored] = await new EventStore(app.dataSource).readStream(userId);
    expect(stored).toMatchObject({ type: 'UserRegistered', streamType: 'user', data: { userId, role: 'consumer', email: body.email, consumerId, name: body.name } });
    expect(stored.metadata).toMatchObject({ correlationId: 'corr-sign-up', actor: { id: 'anonymous', role: 'anonymous' } });
    const message = await publishedFor(userId);
    expect(userRegisteredV1.parse(message.payload)).toEqual({ userId, role: 'consumer', email: body.email, consumerId, name: body.name });
    expect(Object.keys(message.payload).sort()).toEqual(Object.keys(aUserRegisteredV1()).sort());
    expect(message.headers.get(Headers.MsgId)).toBe(stored.eventId);
    for (const text of [JSON.stringify(stored), JSON.stringify(message.payload)]) {
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain('scrypt');
    }
  });

  it('keeps only a salted scrypt hash of the password, with its parameters', async () => {
    const body = aSignUpBody();
    const { userId } = (await call(as(app, {}), 'POST', '/auth/signup', body)).body;

    const [row] = await app.dataSource.query('SELECT email, password_hash FROM identity_credentials WHERE user_id = $1', [userId]);
    expect(row.email).toBe(body.email);
    expect(row.password_hash).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/);
    expect(row.password_hash).not.toContain(PASSWORD);
  });

  it('POST /auth/token answers a bearer token that verifies against the served JWKS with issuer, audience and the user’s claims', async () => {
    const body = aSignUpBody();
    const { userId, consumerId } = (await call(as(app, {}), 'POST', '/auth/signup', body)).body;

    const answer = await call(as(app, {}), 'POST', '/auth/token', { email: body.email, password: PASSWORD });

    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.body).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 900 });
    const { payload, kid } = await app.verify(answer.body.access_token);
    expect(payload).toEqual({
      iss: TEST_ISSUER,
      aud: TEST_AUDIENCE,
      sub: userId,
      role: 'consumer',
      consumer_id: consumerId,
      iat: expect.any(Number),
      exp: expect.any(Number),
      jti: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(Number(payload.exp) - Number(payload.iat)).toBe(900);
    expect(Math.abs(Number(payload.iat) - Date.now() / 1000)).toBeLessThan(10);
    const { keys } = (await call(app, 'GET', '/.well-known/jwks.json')).body;
    expect(keys.map((key: { kid: string }) => key.kid)).toContain(kid);
  });

  it('gives every token its own jti', async () => {
    const { email } = await app.signUpConsumer();
    const [first, second] = [await app.login(email, PASSWORD), await app.login(email, PASSWORD)];
    expect((await app.verify(first)).payload.jti).not.toBe((await app.verify(second)).payload.jti);
  });

  it('normalises emails: signed up as " Ada@Example.COM ", logs in in any case', async () => {
    const local = `Ada-${Date.now()}`;
    const signedUp = await call(as(app, {}), 'POST', '/auth/signup', aSignUpBody({ email: `  ${local}@Example.COM ` }));
    expect(signedUp.status).toBe(201);

    for (const email of [`${local.toLowerCase()}@example.com`, `${local.toUpperCase()}@EXAMPLE.COM`]) {
      expect((await call(as(app, {}), 'POST', '/auth/token', { email, password: PASSWORD })).status).toBe(200);
    }
    const [{ email }] = await app.dataSource.query('SELECT email FROM identity_credentials WHERE user_id = $1', [signedUp.body.userId]);
    expect(email).toBe(`${local.toLowerCase()}@example.com`);
  });

  it('accepts its own tokens on its routes: a consumer token is verified, then refused on an admin route (403)', async () => {
    const { token } = await app.signUpConsumer();
    const answer = await call(as(app, bearer(token)), 'POST', '/auth/users', {});
    expect(answer.status).toBe(403);
    expect(answer.body.code).toBe('AUTH.FORBIDDEN');
  });

  it('GET /.well-known/jwks.json publishes public keys only: kty, n, e, kid, alg, use', async () => {
    const answer = await call(as(app, {}), 'GET', '/.well-known/jwks.json');

    expect(answer.status).toBe(200);
    expect(answer.body.keys.length).toBeGreaterThan(0);
    for (const key of answer.body.keys) {
      expect(Object.keys(key).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
      expect(key).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    }
  });

  it('GET /.well-known/openid-configuration names the issuer, its JWKS and token endpoint', async () => {
    const answer = await call(as(app, {}), 'GET', '/.well-known/openid-configuration');

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      issuer: TEST_ISSUER,
      jwks_uri: `${TEST_ISSUER}/.well-known/jwks.json`,
      token_endpoint: `${TEST_ISSUER}/auth/token`,
      id_token_signing_alg_values_supported: ['RS256'],
    });
  });
});
