import { baseConfigSchema, ConfigOf, defineConfig, integerString, port } from '@brigade/service';
import { z } from 'zod';
import { EMAIL_PATTERN, normaliseEmail, UserLimits } from '../domain/user.rules';

/**
 * The identity service listens on 3008 by default and signs the tokens every app verifies (its
 * AUTH_ISSUER and AUTH_AUDIENCE are the `iss` and `aud` it writes). See docs/security.md, "Identity".
 *
 * - IDENTITY_TOKEN_TTL_S: lifetime of an access token.
 * - IDENTITY_KEY_ACTIVATION_DELAY_S: how long a new signing key is published before it signs.
 *   Must be at least the verifiers' AUTH_JWKS_COOLDOWN_S (their shortest pause between two
 *   fetches of the key set), or a verifier that fetched the set just before a rotation could
 *   refuse the new key's first tokens. This app checks it against its own AUTH_JWKS_COOLDOWN_S:
 *   give every app the same one.
 * - IDENTITY_SCRYPT_LOG2_N: scrypt's cost (N = 2^value; r = 8, p = 1). 15 uses 32 MiB and some
 *   100 ms per hash; tests lower it. Hashes keep their own parameters, so raising it later still
 *   verifies older ones.
 * - IDENTITY_LOGIN_*: failed logins allowed per email and per client address within the window
 *   before the next attempt is refused with 429.
 * - BRIGADE_ADMIN_EMAIL / BRIGADE_ADMIN_PASSWORD: both or neither; the first admin, registered at
 *   start-up when no user has that email.
 */
export const identityConfig = defineConfig(
  baseConfigSchema
    .extend({
      PORT: port(3008),
      IDENTITY_TOKEN_TTL_S: integerString({ min: 1, max: 86_400, default: 900 }),
      IDENTITY_KEY_ACTIVATION_DELAY_S: integerString({ min: 1, max: 86_400, default: 60 }),
      IDENTITY_SCRYPT_LOG2_N: integerString({ min: 10, max: 20, default: 15 }),
      IDENTITY_LOGIN_MAX_FAILURES_PER_EMAIL: integerString({ min: 1, max: 1_000, default: 5 }),
      IDENTITY_LOGIN_MAX_FAILURES_PER_ADDRESS: integerString({ min: 1, max: 100_000, default: 50 }),
      IDENTITY_LOGIN_WINDOW_S: integerString({ min: 1, max: 86_400, default: 900 }),
      BRIGADE_ADMIN_EMAIL: z
        .string()
        .transform(normaliseEmail)
        .refine((email) => email.length <= UserLimits.maxEmailLength && EMAIL_PATTERN.test(email), 'must be an email address like admin@example.com')
        .optional(),
      BRIGADE_ADMIN_PASSWORD: z
        .string()
        .min(UserLimits.minPasswordLength, `must be ${UserLimits.minPasswordLength}..${UserLimits.maxPasswordLength} characters`)
        .max(UserLimits.maxPasswordLength, `must be ${UserLimits.minPasswordLength}..${UserLimits.maxPasswordLength} characters`)
        .optional(),
    })
    .superRefine((config, context) => {
      if ((config.BRIGADE_ADMIN_EMAIL === undefined) !== (config.BRIGADE_ADMIN_PASSWORD === undefined)) {
        const [missing, given] = config.BRIGADE_ADMIN_EMAIL === undefined ? ['BRIGADE_ADMIN_EMAIL', 'BRIGADE_ADMIN_PASSWORD'] : ['BRIGADE_ADMIN_PASSWORD', 'BRIGADE_ADMIN_EMAIL'];
        context.addIssue({ code: 'custom', path: [missing], message: `is required when ${given} is set (both or neither)` });
      }
      if (config.IDENTITY_KEY_ACTIVATION_DELAY_S < config.AUTH_JWKS_COOLDOWN_S) {
        context.addIssue({
          code: 'custom',
          path: ['IDENTITY_KEY_ACTIVATION_DELAY_S'],
          message: `must be at least AUTH_JWKS_COOLDOWN_S (${config.AUTH_JWKS_COOLDOWN_S}): verifiers refetch the key set at most once per cooldown`,
        });
      }
    }),
);

export type IdentityConfig = ConfigOf<typeof identityConfig>;
