import { Inject } from '@nestjs/common';

/**
 * Injection token of the app's validated config (the output of its `defineConfig` schema).
 * `constructor(@InjectServiceConfig() config: RestaurantsConfig)`.
 */
export const SERVICE_CONFIG = Symbol.for('brigade.service-config');

export const InjectServiceConfig = (): ParameterDecorator & PropertyDecorator => Inject(SERVICE_CONFIG);
