import { z } from 'zod';
import { LOG_LEVELS, booleanString, integerString, natsServers, port, postgresUrl } from './env-fields';

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
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  DB_POOL_SIZE: integerString({ min: 1, max: 100, default: 10 }),
  MIGRATIONS_RUN: booleanString(true),
});

export type BaseConfig = z.output<typeof baseConfigSchema>;
