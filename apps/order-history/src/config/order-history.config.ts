import { baseConfigSchema, ConfigOf, defineConfig, integerString, port } from '@brigade/service';
import { z } from 'zod';

/**
 * The query side listens on 3007 by default. Redis holds the hot path (order status): optional at
 * run time, since every answer can come from PostgreSQL, but its settings are checked at start-up.
 */
export const orderHistoryConfig = defineConfig(
  baseConfigSchema.extend({
    PORT: port(3007),
    REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' }).default('redis://127.0.0.1:6379'),
    /** Every key this app writes starts with it: several deployments (or test files) can share one Redis. */
    REDIS_KEY_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9_:.-]+$/, 'must be letters, digits and _ : . - only (e.g. brigade:order-history:)')
      .default('brigade:order-history:'),
    /** A Redis command that takes longer fails and the answer comes from PostgreSQL. */
    REDIS_COMMAND_TIMEOUT_MS: integerString({ min: 1, max: 10_000, default: 100 }),
    /** How many of the most recently changed orders are loaded into Redis when it comes back. */
    REDIS_REWARM_LIMIT: integerString({ min: 0, max: 1_000_000, default: 10_000 }),
  }),
);

export type OrderHistoryConfig = ConfigOf<typeof orderHistoryConfig>;
