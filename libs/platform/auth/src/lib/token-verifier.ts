import { createLocalJWKSet, createRemoteJWKSet, errors, JWTVerifyGetKey, jwtVerify } from 'jose';
import { actorOfClaims } from './actor-of-claims';
import { InvalidTokenError, KeysUnavailableError } from './auth-errors';
import type { AuthConfig } from './auth.config';
import type { AuthenticatedActor } from './roles';

const JWKS_CACHE_MAX_AGE_MS = 10 * 60_000;
const JWKS_TIMEOUT_MS = 3_000;

/** Where a verifier gets the key a token names (jose's key-resolver function). */
export type KeySource = JWTVerifyGetKey;

/**
 * Checks bearer tokens: signature by a key of the issuer's key set (cached; fetched again when a
 * token names an unknown `kid`, at most once per cooldown), the allowed asymmetric algorithms,
 * issuer, audience, expiry and not-before with a small clock skew. No network call per request.
 */
export class TokenVerifier {
  private keys: KeySource;

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
    try {
      const { payload } = await jwtVerify(token, this.keys, {
        issuer: this.config.AUTH_ISSUER,
        audience: this.config.AUTH_AUDIENCE,
        algorithms: this.config.AUTH_ALGORITHMS,
        clockTolerance: this.config.AUTH_CLOCK_SKEW_S,
        requiredClaims: ['exp', 'sub'],
      });
      return actorOfClaims(payload, this.config);
    } catch (error) {
      throw reasonOf(error);
    }
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
