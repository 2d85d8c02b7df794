import { baseConfigSchema, ConfigOf, defineConfig, integerString, port } from '@brigade/service';

/**
 * The orders service listens on 3003 by default. ORDERS_APPROVAL_DEADLINE_MS is how long the
 * CreateOrder saga waits for every participant's verdict before it rejects the order;
 * ORDERS_CHANGE_DEADLINE_MS how long the CancelOrder and ReviseOrder sagas wait for theirs before
 * they refuse the change.
 */
export const ordersConfig = defineConfig(
  baseConfigSchema.extend({
    PORT: port(3003),
    ORDERS_APPROVAL_DEADLINE_MS: integerString({ min: 1, max: 86_400_000, default: 30_000 }),
    ORDERS_CHANGE_DEADLINE_MS: integerString({ min: 1, max: 86_400_000, default: 30_000 }),
  }),
);

export type OrdersConfig = ConfigOf<typeof ordersConfig>;
