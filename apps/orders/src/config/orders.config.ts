import { baseConfigSchema, ConfigOf, defineConfig, integerString, port } from '@brigade/service';

/**
 * The orders service listens on 3003 by default. ORDERS_APPROVAL_DEADLINE_MS is how long the
 * CreateOrder saga waits for every participant's verdict before it rejects the order.
 */
export const ordersConfig = defineConfig(
  baseConfigSchema.extend({
    PORT: port(3003),
    ORDERS_APPROVAL_DEADLINE_MS: integerString({ min: 1, max: 86_400_000, default: 30_000 }),
  }),
);

export type OrdersConfig = ConfigOf<typeof ordersConfig>;
