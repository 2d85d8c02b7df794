import { baseConfigSchema, ConfigOf, defineConfig, port } from '@brigade/service';

/** The delivery service reads nothing beyond the platform's variables; it listens on 3006 by default. */
export const deliveryConfig = defineConfig(baseConfigSchema.extend({ PORT: port(3006) }));

export type DeliveryConfig = ConfigOf<typeof deliveryConfig>;
