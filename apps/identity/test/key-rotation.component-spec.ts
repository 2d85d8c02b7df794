import { ComponentApp } from '@brigade/component-testing';
import { eventually } from '@brigade/testing';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { ADMIN, as, bearer, call, IdentityApp, startIdentityApp } from './identity-app';
import { aCreateUserBody } from './identity-requests';

// Short times so that a whole rotation fits in a test: tokens live 4 s, a new key signs 1 s
// after it is published, and the old key leaves the JWKS 1 s (refresh) + 4 s (TTL) later.
const TOKEN_TTL_S = 4;
const ACTIVATION_DELAY_S = 1;

describe('identity service: signing keys rotate without downtime', () => {
  let app: IdentityApp;
  let replica: ComponentApp;

  beforeAll(async () => {
    app = await startIdentityApp({
      IDENTITY_TOKEN_TTL_S: String(TOKEN_TTL_S),
      IDENTITY_KEY_ACTIVATION_DELAY_S: String(ACTIVATION_DELAY_S),
      AUTH_JWKS_COOLDOWN_S: '1',
      AUTH_CLOCK_SKEW_S: '0',
    });
    replica = await app.startReplica();
  });

  afterAll(async () => {
    await app?.close();
  });

  const kidOf = (token: string) => decodeProtectedHeader(token).kid;
  const publishedKids = async (target: ComponentApp = app): Promise<string[]> =>
    (await call(as(target, {}), 'GET', '/.well-known/jwks.json')).body.keys.map((key: { kid: string }) => key.kid);

  it('publishes the new key at once, signs with it after the delay, keeps old tokens valid, and drops the old key once they expired', async () => {
    const { token: before } = await app.signUpConsumer();
    const oldKid = kidOf(before) ?? 'none';

    const rotated = await call(as(app, await app.adminHeaders()), 'POST', '/admin/signing-keys/rotate');

    expect(rotated.status).toBe(201);
    const { kid: newKid, publishedAt, activatesAt } = rotated.body;
    expect(newKid).not.toBe(oldKid);
    expect(Date.parse(activatesAt) - Date.parse(publishedAt)).toBe(ACTIVATION_DELAY_S * 1000);
    expect(await publishedKids()).toEqual([oldKid, newKid]);
    const early = await app.login(ADMIN.email, ADMIN.password);
    if (Date.now() < Date.parse(activatesAt)) expect(kidOf(early)).toBe(oldKid);
    expect((await app.verify(before)).payload.role).toBe('consumer');

    const after = await eventually(async () => {
      const token = await app.login(ADMIN.email, ADMIN.password);
      if (kidOf(token) !== newKid) throw new Error(`still signed with ${kidOf(token)}`);
      return token;
    });
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(activatesAt));
    // Both keys verify now: the token from before the rotation, and the new key's, here and for any app.
    expect((await app.verify(before)).kid).toBe(oldKid);
    expect((await app.verify(after)).kid).toBe(newKid);
    expect((await call(as(app, bearer(after)), 'POST', '/auth/users', aCreateUserBody())).status).toBe(201);

    await eventually(
      async () => {
        const kids = await publishedKids();
        if (kids.includes(oldKid)) throw new Error(`${oldKid} still published`);
        expect(kids).toEqual([newKid]);
      },
      { timeoutMs: 15_000, intervalMs: 200 },
    );
    // By then every token of the old key has expired.
    expect(Date.now() / 1000).toBeGreaterThan(decodeJwt(before).exp ?? Infinity);
  });

  it('lets another replica publish, sign with and accept a key it did not create', async () => {
    const rotated = await call(as(app, await app.adminHeaders()), 'POST', '/admin/signing-keys/rotate');
    const { kid: newKid } = rotated.body;

    await eventually(async () => expect(await publishedKids(replica)).toContain(newKid), { timeoutMs: 5_000, intervalMs: 100 });
    const signedByReplica = await eventually(async () => {
      const token = await app.login(ADMIN.email, ADMIN.password, replica);
      if (kidOf(token) !== newKid) throw new Error(`replica still signs with ${kidOf(token)}`);
      return token;
    });
    expect((await call(as(app, bearer(signedByReplica)), 'POST', '/auth/users', aCreateUserBody())).status).toBe(201);
    const signedHere = await app.login(ADMIN.email, ADMIN.password);
    expect((await call(as(replica, bearer(signedHere)), 'POST', '/auth/users', aCreateUserBody())).status).toBe(201);
  });
});
