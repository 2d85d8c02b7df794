import { authConfigShape } from '@brigade/auth';
import { z } from 'zod';
import { LOG_LEVELS, booleanString, integerString, natsServers, natsUser, port, postgresUrl } from './env-fields';

/**
 * What every Brigade app reads from its environment. Apps extend it with their own
 * variables and their own default port: `baseConfigSchema.extend({ PORT: port(3002), ... })`.
 */
export const baseConfigSchema = z.object({
  PORT: port(3000),
  DATABASE_URL: postgresUrl(),
  NATS_URL: natsServers('nats://127.0.0.1:4222'),
  /** Prepended to every subject and stream name: '' in production, e.g. 't3f9a.' in tests. */
  NATS_SUBJECT_PREFIX: z
    .string()
    .regex(/^([A-Za-z0-9_-]+\.)*$/, "must be empty or dot-separated tokens ending with '.' (e.g. 'test1.')")
    .default(''),
  /**
   * The app's own NATS user and password (docs/security.md), both or neither (SET_TOGETHER): without
   * them the app connects anonymously, which only an open development server accepts.
   */
  NATS_USER: natsUser().optional(),
  NATS_PASSWORD: z.string().optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  DB_POOL_SIZE: integerString({ min: 1, max: 100, default: 10 }),
  MIGRATIONS_RUN: booleanString(true),
  ...authConfigShape,
});

export type BaseConfig = z.output<typeof baseConfigSchema>;

/** Variables that mean something only together: loadConfig refuses one without the other. */
export const SET_TOGETHER: readonly (readonly [string, string])[] = [['NATS_USER', 'NATS_PASSWORD']];
