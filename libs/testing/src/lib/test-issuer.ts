import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, JWK, SignJWT } from 'jose';

export type TestRole = 'consumer' | 'restaurant' | 'courier' | 'admin';

export interface TokenClaims {
  readonly role: TestRole;
  readonly sub?: string;
  readonly consumerId?: string;
  readonly restaurantId?: string;
  readonly courierId?: string;
}

export const TEST_ISSUER = 'https://issuer.brigade.test';
export const TEST_AUDIENCE = 'brigade';

type SigningKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

/**
 * An OpenID-style issuer for component tests: an RSA key pair whose public half the app under
 * test trusts through AUTH_JWKS, and tokens for any role, as Brigade's identity app issues them.
 */
export class TestIssuer {
  private constructor(
    private readonly privateKey: SigningKey,
    private readonly publicJwk: JWK,
    readonly kid: string,
  ) {}

  static async create(): Promise<TestIssuer> {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const kid = `test-${randomUUID()}`;
    return new TestIssuer(privateKey, { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' }, kid);
  }

  /** What an app needs to trust this issuer's tokens. */
  env(): Record<string, string> {
    return { AUTH_ISSUER: TEST_ISSUER, AUTH_AUDIENCE: TEST_AUDIENCE, AUTH_JWKS: JSON.stringify({ keys: [this.publicJwk] }) };
  }

  /** A signed access token (valid 15 minutes unless `expiresAt` says otherwise, in seconds since the epoch). */
  async token(claims: TokenClaims, options: { expiresAt?: number; issuer?: string; audience?: string } = {}): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({
      role: claims.role,
      ...(claims.consumerId ? { consumer_id: claims.consumerId } : {}),
      ...(claims.restaurantId ? { restaurant_id: claims.restaurantId } : {}),
      ...(claims.courierId ? { courier_id: claims.courierId } : {}),
    })
      .setProtectedHeader({ alg: 'RS256', kid: this.kid, typ: 'JWT' })
      .setSubject(claims.sub ?? randomUUID())
      .setIssuer(options.issuer ?? TEST_ISSUER)
      .setAudience(options.audience ?? TEST_AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(options.expiresAt ?? now + 900)
      .sign(this.privateKey);
  }

  /** `{ authorization: 'Bearer …' }` for the claims. */
  async bearer(claims: TokenClaims): Promise<Record<string, string>> {
    return { authorization: `Bearer ${await this.token(claims)}` };
  }
}
