import { baseConfigSchema, ConfigOf, defineConfig, port } from '@brigade/service';

/** The kitchen service reads nothing beyond the platform's variables; it listens on 3004 by default. */
export const kitchenConfig = defineConfig(baseConfigSchema.extend({ PORT: port(3004) }));

export type KitchenConfig = ConfigOf<typeof kitchenConfig>;
