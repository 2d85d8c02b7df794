import { baseConfigSchema, ConfigOf, defineConfig, port } from '@brigade/service';

/** The query side reads nothing beyond the platform's variables; it listens on 3007 by default. */
export const orderHistoryConfig = defineConfig(baseConfigSchema.extend({ PORT: port(3007) }));

export type OrderHistoryConfig = ConfigOf<typeof orderHistoryConfig>;
