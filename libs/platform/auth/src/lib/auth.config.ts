import { z } from 'zod';

const ASYMMETRIC = /^(RS|PS|ES)(256|384|512)$|^EdDSA$/;

function seconds(options: { min: number; max: number; default: number }) {
  const message = `must be a whole number of seconds from ${options.min} to ${options.max}`;
  return z.coerce.number({ error: message }).int(message).min(options.min, message).max(options.max, message).default(options.default);
}

const claimName = (defaultName: string) =>
  z
    .string()
    .regex(/^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*)*$/, 'must be a claim name, or a dotted path into nested claims (e.g. realm_access.roles)')
    .default(defaultName);

const jwksDocument = z
  .string()
  .transform((text, context) => {
    try {
      const parsed = JSON.parse(text) as { keys?: unknown };
      if (Array.isArray(parsed.keys) && parsed.keys.length > 0) return parsed as { keys: Record<string, unknown>[] };
    } catch {
      // reported below
    }
    context.addIssue({ code: 'custom', message: 'must be a JSON Web Key Set: {"keys":[...]} with at least one public key' });
    return z.NEVER;
  })
  .refine((jwks) => jwks.keys.every((key) => !('d' in key) && key['kty'] !== 'oct'), 'must hold public keys only');

/**
 * How every app checks access tokens. The defaults fit Brigade's identity app on localhost; any
 * OpenID Connect issuer (Keycloak, Auth0...) fits by setting issuer, audience, JWKS and claim names.
 */
export const authConfigShape = {
  /** The `iss` every token must carry. */
  AUTH_ISSUER: z.url({ error: 'must be the issuer URL (the iss claim of its tokens)' }).default('http://127.0.0.1:3008'),
  /** The `aud` every token must carry. */
  AUTH_AUDIENCE: z.string().min(1).default('brigade'),
  /** Where the issuer publishes its public keys; default `<AUTH_ISSUER>/.well-known/jwks.json`. */
  AUTH_JWKS_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  /** The issuer's public keys given inline instead of fetched (a fixed key set: tests, air-gapped sites). */
  AUTH_JWKS: jwksDocument.optional(),
  /** Signature algorithms accepted: asymmetric only, so a public key can never be used as an HMAC secret. */
  AUTH_ALGORITHMS: z
    .string()
    .default('RS256,EdDSA,ES256')
    .transform((list) => list.split(',').map((alg) => alg.trim()))
    .refine((algs) => algs.every((alg) => ASYMMETRIC.test(alg)), 'must be asymmetric JWS algorithms (RS256, PS256, ES256, EdDSA...), comma-separated'),
  /** Leeway for exp/nbf/iat between this host's clock and the issuer's. */
  AUTH_CLOCK_SKEW_S: seconds({ min: 0, max: 300, default: 30 }),
  /** Shortest pause between two fetches of the key set (a token with an unknown kid triggers one). */
  AUTH_JWKS_COOLDOWN_S: seconds({ min: 1, max: 600, default: 30 }),
  /** Claim holding the role (a string, or a list of which the first Brigade role counts). */
  AUTH_ROLE_CLAIM: claimName('role'),
  AUTH_CONSUMER_CLAIM: claimName('consumer_id'),
  AUTH_RESTAURANT_CLAIM: claimName('restaurant_id'),
  AUTH_COURIER_CLAIM: claimName('courier_id'),
};

export type AuthConfig = z.output<z.ZodObject<typeof authConfigShape>>;
