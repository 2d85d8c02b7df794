import { z } from 'zod';
import { baseConfigSchema } from './base-config.schema';
import { ConfigValidationError } from './config-validation.error';
import { port } from './env-fields';
import { defineConfig, loadConfig } from './load-config';

const validEnv = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/restaurants' };

function failureOf(env: Record<string, string | undefined>): ConfigValidationError {
  try {
    loadConfig(baseConfigSchema, env);
  } catch (error) {
    if (error instanceof ConfigValidationError) return error;
    throw error;
  }
  throw new Error('expected the environment to be refused');
}

describe('loadConfig(baseConfigSchema)', () => {
  it('applies the defaults when only DATABASE_URL is given', () => {
    expect(loadConfig(baseConfigSchema, validEnv)).toMatchObject({
      PORT: 3000,
      DATABASE_URL: validEnv.DATABASE_URL,
      NATS_URL: 'nats://127.0.0.1:4222',
      NATS_SUBJECT_PREFIX: '',
      LOG_LEVEL: 'info',
      DB_POOL_SIZE: 10,
      MIGRATIONS_RUN: true,
      // Tokens from Brigade's identity app on localhost (docs/security.md)
      AUTH_ISSUER: 'http://127.0.0.1:3008',
      AUTH_AUDIENCE: 'brigade',
      AUTH_ALGORITHMS: ['RS256', 'EdDSA', 'ES256'],
      AUTH_CLOCK_SKEW_S: 30,
      AUTH_ROLE_CLAIM: 'role',
    });
  });

  it('reads every variable from its string form', () => {
    const config = loadConfig(baseConfigSchema, {
      ...validEnv,
      PORT: '3002',
      NATS_URL: 'nats://a:4222,nats://b:4222',
      NATS_SUBJECT_PREFIX: 't3f9a.',
      LOG_LEVEL: 'debug',
      DB_POOL_SIZE: '4',
      MIGRATIONS_RUN: 'FALSE',
    });
    expect(config).toMatchObject({ PORT: 3002, NATS_SUBJECT_PREFIX: 't3f9a.', LOG_LEVEL: 'debug', DB_POOL_SIZE: 4, MIGRATIONS_RUN: false });
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig(baseConfigSchema, { ...validEnv, PORT: '', MIGRATIONS_RUN: '' })).toMatchObject({ PORT: 3000, MIGRATIONS_RUN: true });
  });

  it('names every bad variable and why, without echoing values', () => {
    const error = failureOf({
      DATABASE_URL: 'mysql://root:s3cret@db/x',
      PORT: '70000',
      NATS_URL: 'localhost',
      NATS_SUBJECT_PREFIX: 'no-dot',
      LOG_LEVEL: 'loud',
      DB_POOL_SIZE: '0',
      MIGRATIONS_RUN: 'maybe',
    });
    expect(error.invalid.map((invalid) => invalid.variable).sort()).toEqual(
      ['DATABASE_URL', 'DB_POOL_SIZE', 'LOG_LEVEL', 'MIGRATIONS_RUN', 'NATS_SUBJECT_PREFIX', 'NATS_URL', 'PORT'].sort(),
    );
    expect(error.message).toContain('Invalid environment configuration (7 variables)');
    expect(error.message).toContain('DATABASE_URL: must be a postgres:// or postgresql:// URL');
    expect(error.message).toContain('PORT: must be a port number (1..65535)');
    expect(error.message).toContain("NATS_SUBJECT_PREFIX: must be empty or dot-separated tokens ending with '.'");
    expect(error.message).not.toContain('s3cret');
  });

  it('says a required variable is missing', () => {
    const error = failureOf({});
    expect(error.invalid).toEqual([{ variable: 'DATABASE_URL', message: 'is required' }]);
  });

  it('reads the NATS user and password, or neither', () => {
    expect(loadConfig(baseConfigSchema, { ...validEnv, NATS_USER: 'orders', NATS_PASSWORD: 's3cret-s3cret' })).toMatchObject({
      NATS_USER: 'orders',
      NATS_PASSWORD: 's3cret-s3cret',
    });
    expect(loadConfig(baseConfigSchema, validEnv)).toMatchObject({ NATS_USER: undefined, NATS_PASSWORD: undefined });
  });

  it.each([
    [{ NATS_USER: 'orders' }, 'NATS_PASSWORD', 'is required when NATS_USER is set'],
    [{ NATS_PASSWORD: 's3cret-s3cret' }, 'NATS_USER', 'is required when NATS_PASSWORD is set'],
  ])('refuses one NATS credential without the other (%o), naming the missing one', (nats, variable, message) => {
    const error = failureOf({ ...validEnv, ...nats });
    expect(error.invalid).toEqual([{ variable, message }]);
    expect(error.message).not.toContain('s3cret');
  });

  it('refuses a NATS user that is not a subject token, among the other bad variables', () => {
    const error = failureOf({ ...validEnv, NATS_USER: 'orders.app', NATS_PASSWORD: 's3cret-s3cret', PORT: '0' });
    expect(error.invalid.map((invalid) => invalid.variable).sort()).toEqual(['NATS_USER', 'PORT']);
    expect(error.message).not.toContain('s3cret');
  });

  it.each(['0', '-1', '3.5', 'abc'])('refuses PORT=%s', (value) => {
    expect(failureOf({ ...validEnv, PORT: value }).invalid.map((invalid) => invalid.variable)).toEqual(['PORT']);
  });
});

describe('defineConfig', () => {
  const restaurantsConfig = defineConfig(baseConfigSchema.extend({ PORT: port(3002), MENU_LIMIT: z.coerce.number().int().default(50) }));

  it('gives an app its own variables and default port', () => {
    const config = restaurantsConfig.load(validEnv);
    expect(config.PORT).toBe(3002);
    expect(config.MENU_LIMIT).toBe(50);
  });

  it('validates the app variables too', () => {
    expect(() => restaurantsConfig.load({ ...validEnv, MENU_LIMIT: 'many' })).toThrow(/MENU_LIMIT/);
  });
});
