import { exportJWK, generateKeyPair, JWK, SignJWT, UnsecuredJWT } from 'jose';
import { createPublicKey } from 'node:crypto';
import { InvalidTokenError, KeysUnavailableError } from './auth-errors';
import { AuthConfig, authConfigShape } from './auth.config';
import { TokenVerifier } from './token-verifier';
import { z } from 'zod';

const ISSUER = 'https://id.example.test';
const CONSUMER = '5f0c6a52-3c3e-4a53-9d8e-0d1f3c2b1a00';

type Key = Awaited<ReturnType<typeof generateKeyPair>>;

async function aKey(kid: string): Promise<Key & { jwk: JWK }> {
  const pair = await generateKeyPair('RS256', { extractable: true });
  return { ...pair, jwk: { ...(await exportJWK(pair.publicKey)), kid, alg: 'RS256', use: 'sig' } };
}

function configOf(env: Record<string, string>): AuthConfig {
  return z.object(authConfigShape).parse({ AUTH_ISSUER: ISSUER, ...env });
}

describe('TokenVerifier', () => {
  let real: Key & { jwk: JWK };
  let verifier: TokenVerifier;
  const now = () => Math.floor(Date.now() / 1000);

  const sign = (claims: Record<string, unknown>, options: { key?: Key; kid?: string; iss?: string; aud?: string; exp?: number; nbf?: number } = {}) => {
    const jwt = new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? 'real-1' })
      .setSubject('user-1')
      .setIssuer(options.iss ?? ISSUER)
      .setAudience(options.aud ?? 'brigade')
      .setIssuedAt()
      .setExpirationTime(options.exp ?? now() + 600);
    if (options.nbf) jwt.setNotBefore(options.nbf);
    return jwt.sign((options.key ?? real).privateKey);
  };

  beforeAll(async () => {
    real = await aKey('real-1');
    verifier = new TokenVerifier(configOf({ AUTH_JWKS: JSON.stringify({ keys: [real.jwk] }) }));
  });

  it('accepts a good token and answers its actor with the binding its role needs', async () => {
    await expect(verifier.verify(await sign({ role: 'consumer', consumer_id: CONSUMER.toUpperCase() }))).resolves.toEqual({
      id: 'user-1',
      role: 'consumer',
      consumerId: CONSUMER,
    });
    await expect(verifier.verify(await sign({ role: 'admin' }))).resolves.toEqual({ id: 'user-1', role: 'admin' });
  });

  it('accepts a token expired by less than the clock skew', async () => {
    await expect(verifier.verify(await sign({ role: 'admin' }, { exp: now() - 10 }))).resolves.toMatchObject({ role: 'admin' });
  });

  it('reads claims where a configured OIDC provider puts them (Keycloak: realm_access.roles)', async () => {
    const keycloak = new TokenVerifier(
      configOf({ AUTH_JWKS: JSON.stringify({ keys: [real.jwk] }), AUTH_ROLE_CLAIM: 'realm_access.roles', AUTH_COURIER_CLAIM: 'brigade.courier' }),
    );
    const token = await sign({ realm_access: { roles: ['offline_access', 'courier'] }, brigade: { courier: 'k-9' } });
    await expect(keycloak.verify(token)).resolves.toEqual({ id: 'user-1', role: 'courier', courierId: 'k-9' });
  });

  const refused: [string, () => Promise<string>][] = [
    ['alg: none', async () => new UnsecuredJWT({ role: 'admin' }).setSubject('user-1').setIssuer(ISSUER).setAudience('brigade').setExpirationTime('10m').encode()],
    [
      'HS256 keyed with the public key',
      async () => {
        const secret = createPublicKey({ key: real.jwk as never, format: 'jwk' }).export({ type: 'spki', format: 'pem' });
        return new SignJWT({ role: 'admin' }).setProtectedHeader({ alg: 'HS256', kid: 'real-1' }).setSubject('user-1').setIssuer(ISSUER).setAudience('brigade').setExpirationTime('10m').sign(Buffer.from(secret));
      },
    ],
    ['signed by another key under the real kid', async () => sign({ role: 'admin' }, { key: await aKey('real-1') })],
    ['signed by an unknown kid', async () => sign({ role: 'admin' }, { key: await aKey('other'), kid: 'other' })],
    [
      'a tampered payload',
      async () => {
        const [header, , signature] = (await sign({ role: 'consumer', consumer_id: CONSUMER })).split('.');
        const payload = Buffer.from(JSON.stringify({ sub: 'user-1', role: 'admin', iss: ISSUER, aud: 'brigade', exp: now() + 600 })).toString('base64url');
        return `${header}.${payload}.${signature}`;
      },
    ],
    ['expired beyond the skew', async () => sign({ role: 'admin' }, { exp: now() - 120 })],
    ['not valid yet', async () => sign({ role: 'admin' }, { nbf: now() + 600 })],
    ['another issuer', async () => sign({ role: 'admin' }, { iss: 'https://evil.example' })],
    ['another audience', async () => sign({ role: 'admin' }, { aud: 'someone-else' })],
    ['no Brigade role', async () => sign({ role: 'emperor' })],
    ['a consumer token naming no consumer', async () => sign({ role: 'consumer' })],
    ['garbage', async () => 'not.a.token'],
  ];

  it.each(refused)('refuses %s as an invalid token (401)', async (_name, token) => {
    await expect(verifier.verify(await token())).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('answers keys-unavailable (503), not invalid-token, when the key set cannot be fetched', async () => {
    const offline = new TokenVerifier(configOf({ AUTH_JWKS_URL: 'http://127.0.0.1:9/jwks.json' }));
    await expect(offline.verify(await sign({ role: 'admin' }))).rejects.toBeInstanceOf(KeysUnavailableError);
  });

  it('uses the keys it is handed instead (the identity app checks its own tokens)', async () => {
    const other = await aKey('own-1');
    const own = new TokenVerifier(configOf({ AUTH_JWKS_URL: 'http://127.0.0.1:9/jwks.json' }));
    own.useKeys(async () => other.publicKey);
    await expect(own.verify(await sign({ role: 'admin' }, { key: other, kid: 'own-1' }))).resolves.toMatchObject({ role: 'admin' });
  });

  describe('a token it verified before', () => {
    afterEach(() => jest.useRealTimers());

    it('is answered from memory, its expiry and not-before checked again every time', async () => {
      const own = new TokenVerifier(configOf({ AUTH_JWKS_URL: 'http://127.0.0.1:9/jwks.json', AUTH_CLOCK_SKEW_S: '30' }));
      let keyLookups = 0;
      own.useKeys(async () => (keyLookups++, real.publicKey));
      const token = await sign({ role: 'admin' }, { exp: now() + 60, nbf: now() - 1 });

      await expect(own.verify(token)).resolves.toMatchObject({ role: 'admin' });
      await expect(own.verify(token)).resolves.toMatchObject({ role: 'admin' });
      expect(keyLookups).toBe(1);

      jest.useFakeTimers({ now: Date.now() + (60 + 31) * 1000 }); // past exp + skew
      await expect(own.verify(token)).rejects.toThrow('expired');
      jest.useFakeTimers({ now: Date.now() - (60 + 31 + 40) * 1000 }); // before nbf - skew
      await expect(own.verify(token)).rejects.toThrow(InvalidTokenError);
    });

    it('is only the exact string: a token altered after it verified is checked and refused', async () => {
      const token = await sign({ role: 'consumer', consumer_id: CONSUMER });
      await verifier.verify(token);
      const [header, , signature] = token.split('.');
      const forged = [header, Buffer.from(JSON.stringify({ sub: 'user-1', role: 'admin', iss: ISSUER, aud: 'brigade', exp: now() + 600 })).toString('base64url'), signature].join('.');
      await expect(verifier.verify(forged)).rejects.toThrow(InvalidTokenError);
    });
  });
});

describe('auth config', () => {
  it.each([
    [{ AUTH_ALGORITHMS: 'RS256,HS256' }, 'AUTH_ALGORITHMS'],
    [{ AUTH_ALGORITHMS: 'none' }, 'AUTH_ALGORITHMS'],
    [{ AUTH_JWKS: '{"keys":[{"kty":"oct","k":"c2VjcmV0"}]}' }, 'AUTH_JWKS'],
    [{ AUTH_JWKS: 'not json' }, 'AUTH_JWKS'],
    [{ AUTH_ROLE_CLAIM: 'a..b' }, 'AUTH_ROLE_CLAIM'],
  ])('refuses %p', (env, variable) => {
    const result = z.object(authConfigShape).safeParse({ AUTH_ISSUER: ISSUER, ...env });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path[0])).toContain(variable);
  });
});
