import { ConfigValidationError } from '@brigade/service';
import { identityConfig } from './identity.config';

const required = { DATABASE_URL: 'postgres://brigade@127.0.0.1:5432/brigade_identity' };

function problemsOf(env: Record<string, string>): string[] {
  try {
    identityConfig.load({ ...required, ...env });
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.invalid.map((v) => v.variable);
    throw error;
  }
  return [];
}

describe('identity config', () => {
  it('has the documented defaults', () => {
    expect(identityConfig.load(required)).toMatchObject({
      PORT: 3008,
      AUTH_ISSUER: 'http://127.0.0.1:3008',
      IDENTITY_TOKEN_TTL_S: 900,
      IDENTITY_KEY_ACTIVATION_DELAY_S: 60,
      IDENTITY_SCRYPT_LOG2_N: 15,
      IDENTITY_LOGIN_MAX_FAILURES_PER_EMAIL: 5,
      IDENTITY_LOGIN_MAX_FAILURES_PER_ADDRESS: 50,
      IDENTITY_LOGIN_WINDOW_S: 900,
    });
  });

  it('takes the first admin as both variables, the email normalised', () => {
    const config = identityConfig.load({ ...required, BRIGADE_ADMIN_EMAIL: ' Root@Example.com', BRIGADE_ADMIN_PASSWORD: 'a long passphrase' });
    expect(config).toMatchObject({ BRIGADE_ADMIN_EMAIL: 'root@example.com', BRIGADE_ADMIN_PASSWORD: 'a long passphrase' });
  });

  it.each([
    ['an admin email without its password', { BRIGADE_ADMIN_EMAIL: 'root@example.com' }, 'BRIGADE_ADMIN_PASSWORD'],
    ['an admin password without its email', { BRIGADE_ADMIN_PASSWORD: 'a long passphrase' }, 'BRIGADE_ADMIN_EMAIL'],
    ['an admin email that is no email', { BRIGADE_ADMIN_EMAIL: 'root', BRIGADE_ADMIN_PASSWORD: 'a long passphrase' }, 'BRIGADE_ADMIN_EMAIL'],
    ['a short admin password', { BRIGADE_ADMIN_EMAIL: 'root@example.com', BRIGADE_ADMIN_PASSWORD: 'short' }, 'BRIGADE_ADMIN_PASSWORD'],
    ['a key activation shorter than the verifiers’ cooldown', { IDENTITY_KEY_ACTIVATION_DELAY_S: '5', AUTH_JWKS_COOLDOWN_S: '30' }, 'IDENTITY_KEY_ACTIVATION_DELAY_S'],
    ['a scrypt cost below 2^10', { IDENTITY_SCRYPT_LOG2_N: '9' }, 'IDENTITY_SCRYPT_LOG2_N'],
    ['a scrypt cost above 2^20', { IDENTITY_SCRYPT_LOG2_N: '21' }, 'IDENTITY_SCRYPT_LOG2_N'],
    ['a token lifetime of 0', { IDENTITY_TOKEN_TTL_S: '0' }, 'IDENTITY_TOKEN_TTL_S'],
  ])('refuses %s, naming the variable', (_case, env, variable) => {
    expect(problemsOf(env)).toEqual([variable]);
  });
});
