import { createLocalJWKSet, createRemoteJWKSet, errors, JWTVerifyGetKey, jwtVerify } from 'jose';
import { actorOfClaims } from './actor-of-claims';
import { InvalidTokenError, KeysUnavailableError } from './auth-errors';
import type { AuthConfig } from './auth.config';
import type { AuthenticatedActor } from './roles';

const JWKS_CACHE_MAX_AGE_MS = 10 * 60_000;
const JWKS_TIMEOUT_MS = 3_000;
/** Tokens whose signature and claims were checked, remembered until they expire. */
const VERIFIED_TOKENS_MAX = 10_000;

/** Where a verifier gets the key a token names (jose's key-resolver function). */
export type KeySource = JWTVerifyGetKey;

/**
 * Checks bearer tokens: signature by a key of the issuer's key set (cached; fetched again when a
 * token names an unknown `kid`, at most once per cooldown), the allowed asymmetric algorithms,
 * issuer, audience, expiry and not-before with a small clock skew. No network call per request.
 *
 * A token that verified is remembered (the exact string, at most VERIFIED_TOKENS_MAX of them) with
 * the actor it names and its `exp`/`nbf`: a client sending the same token again is answered from
 * memory, the times checked again each time, without a second RSA verification (5% of the orders
 * app's CPU when every request carries one, docs/benchmarks.md). It adds nothing a key rotation
 * did not already allow: a verified token stays valid until it expires either way.
 */
export class TokenVerifier {
  private keys: KeySource;
  private readonly verified = new Map<string, { readonly actor: AuthenticatedActor; readonly notBefore: number; readonly expires: number }>();

  constructor(private readonly config: AuthConfig) {
    this.keys = keySourceOf(config);
  }

  /**
   * The identity app checks its own tokens with the keys it holds rather than by fetching its
   * own key set over HTTP.
   */
  useKeys(keys: KeySource): void {
    this.keys = keys;
  }

  async verify(token: string): Promise<AuthenticatedActor> {
    const now = Date.now();
    const known = this.verified.get(token);
    if (known && now >= known.notBefore && now < known.expires) return known.actor;
    if (known) this.verified.delete(token);
    try {
      const { payload } = await jwtVerify(token, this.keys, {
        issuer: this.config.AUTH_ISSUER,
        audience: this.config.AUTH_AUDIENCE,
        algorithms: this.config.AUTH_ALGORITHMS,
        clockTolerance: this.config.AUTH_CLOCK_SKEW_S,
        requiredClaims: ['exp', 'sub'],
      });
      const actor = actorOfClaims(payload, this.config);
      this.remember(token, actor, payload.nbf, payload.exp as number);
      return actor;
    } catch (error) {
      throw reasonOf(error);
    }
  }

  /** Within the same clock tolerance jose applied; the oldest entry makes room when full. */
  private remember(token: string, actor: AuthenticatedActor, nbf: number | undefined, exp: number): void {
    const skewMs = this.config.AUTH_CLOCK_SKEW_S * 1000;
    if (this.verified.size >= VERIFIED_TOKENS_MAX) this.verified.delete(this.verified.keys().next().value as string);
    this.verified.set(token, { actor, notBefore: nbf === undefined ? 0 : nbf * 1000 - skewMs, expires: exp * 1000 + skewMs });
  }
}

function keySourceOf(config: AuthConfig): KeySource {
  if (config.AUTH_JWKS) return createLocalJWKSet(config.AUTH_JWKS as unknown as Parameters<typeof createLocalJWKSet>[0]);
  const url = new URL(config.AUTH_JWKS_URL ?? `${config.AUTH_ISSUER.replace(/\/$/, '')}/.well-known/jwks.json`);
  return createRemoteJWKSet(url, {
    cooldownDuration: config.AUTH_JWKS_COOLDOWN_S * 1000,
    cacheMaxAge: JWKS_CACHE_MAX_AGE_MS,
    timeoutDuration: JWKS_TIMEOUT_MS,
  });
}

/** What the caller is told: why its token failed, or that the keys are out of reach (never both). */
function reasonOf(error: unknown): Error {
  if (error instanceof InvalidTokenError) return error;
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || isKeySetAnswerError(error)) {
    return new KeysUnavailableError({ cause: error });
  }
  if (error instanceof errors.JWTExpired) return new InvalidTokenError('The access token has expired.');
  if (error instanceof errors.JWTClaimValidationFailed) return new InvalidTokenError(`The access token's "${error.claim}" claim is not accepted.`);
  if (error instanceof errors.JOSEAlgNotAllowed) return new InvalidTokenError('The access token is signed with an algorithm that is not accepted.');
  if (error instanceof errors.JWKSNoMatchingKey) return new InvalidTokenError('The access token is signed with a key the issuer does not publish.');
  if (error instanceof errors.JOSEError) return new InvalidTokenError('The access token is malformed or its signature does not verify.');
  // fetch() failures (connection refused, DNS) reach here as TypeErrors: the issuer is out of reach.
  return new KeysUnavailableError({ cause: error });
}

/** jose's only signal that the key set URL answered something other than 200. */
function isKeySetAnswerError(error: unknown): boolean {
  return error instanceof errors.JOSEError && error.code === 'ERR_JOSE_GENERIC' && /JSON Web Key Set HTTP response/.test(error.message);
}
