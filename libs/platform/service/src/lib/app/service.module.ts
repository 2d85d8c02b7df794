import { AccessGuard, TokenVerifier } from '@brigade/auth';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import type { BaseConfig } from '../config/base-config.schema';
import type { ConfigDefinition } from '../config/load-config';
import { SERVICE_CONFIG } from '../config/service-config.token';
import { HealthController } from '../health/health.controller';
import { HEALTH_OPTIONS, HealthOptions } from '../health/health-indicators';
import { loggerParams } from '../logging/logger-params';

export interface ServiceModuleOptions {
  /** The app's name, on every log line (e.g. 'restaurants'). */
  readonly name: string;
  /** The app's config (defineConfig over baseConfigSchema.extend(...)), validated when the app starts. */
  readonly config: ConfigDefinition<BaseConfig>;
  readonly health?: HealthOptions;
  /** The environment to read; process.env by default. */
  readonly env?: Record<string, string | undefined>;
}

/**
 * What every app imports once, in its AppModule: the validated config (SERVICE_CONFIG, global),
 * JSON logging, the /health endpoints (JSON bodies: ServiceHttpAdapter), and the access guard on
 * every HTTP route with the token verifier it uses (exported: the identity app hands it its own keys).
 */
@Module({})
export class ServiceModule {
  static forRoot(options: ServiceModuleOptions): DynamicModule {
    // Provided to the logger module as well. Not memoised here: an AppModule's decorator runs once
    // per process, so a cache in this closure would hand a second app instance (e.g. a restart in
    // a test) the first one's settings. Validating twice per start costs one zod parse.
    const configProvider = { provide: SERVICE_CONFIG, useFactory: () => options.config.load(options.env ?? process.env) };
    return {
      module: ServiceModule,
      global: true,
      imports: [
        LoggerModule.forRootAsync({
          providers: [configProvider],
          inject: [SERVICE_CONFIG],
          useFactory: (config: BaseConfig) => loggerParams(options.name, config),
        }),
        TerminusModule.forRoot({ errorLogStyle: 'json' }),
      ],
      controllers: [HealthController],
      providers: [
        configProvider,
        { provide: HEALTH_OPTIONS, useValue: options.health ?? {} },
        { provide: TokenVerifier, useFactory: (config: BaseConfig) => new TokenVerifier(config), inject: [SERVICE_CONFIG] },
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
      exports: [SERVICE_CONFIG, TokenVerifier],
    };
  }
}
