import { FactoryProvider } from '@nestjs/common';
import { baseConfigSchema } from '../config/base-config.schema';
import { defineConfig } from '../config/load-config';
import { SERVICE_CONFIG } from '../config/service-config.token';
import { ServiceModule } from './service.module';

describe('ServiceModule', () => {
  it('reads the environment anew for each app instance (a restart in the same process sees new settings)', () => {
    const env: Record<string, string> = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/first' };
    const module = ServiceModule.forRoot({ name: 'probe', config: defineConfig(baseConfigSchema), env });
    const config = (module.providers ?? []).find((p): p is FactoryProvider => (p as FactoryProvider).provide === SERVICE_CONFIG);

    const first = config?.useFactory();
    env.DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/second';
    const second = config?.useFactory();

    expect(first.DATABASE_URL).toMatch(/first$/);
    expect(second.DATABASE_URL).toMatch(/second$/);
  });
});
