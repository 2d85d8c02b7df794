import { baseConfigSchema, ConfigOf, defineConfig, port } from '@brigade/service';

/** The consumers service reads nothing beyond the platform's variables; it listens on 3001 by default. */
export const consumersConfig = defineConfig(baseConfigSchema.extend({ PORT: port(3001) }));

export type ConsumersConfig = ConfigOf<typeof consumersConfig>;
