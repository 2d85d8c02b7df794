import { baseConfigSchema, ConfigOf, defineConfig, port } from '@brigade/service';

/** The restaurants service reads nothing beyond the platform's variables; it listens on 3002 by default. */
export const restaurantsConfig = defineConfig(baseConfigSchema.extend({ PORT: port(3002) }));

export type RestaurantsConfig = ConfigOf<typeof restaurantsConfig>;
