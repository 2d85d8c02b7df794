import { BaseConfig, SERVICE_CONFIG } from '@brigade/service';
import { DynamicModule, Inject, Injectable, Logger, Module, OnApplicationShutdown, Provider } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { NatsConnection } from '@nats-io/transport-node';
import { NatsConnectOptions, NatsCredentials, connectNats } from './connection';
import { NATS_CONNECTION } from './nats-connection.token';
import { NatsHealthIndicator } from './nats-health.indicator';

const NATS_CONNECT_OPTIONS = Symbol('NATS_CONNECT_OPTIONS');

export type NatsModuleOptions = Omit<NatsConnectOptions, 'logger'>;

export interface NatsModuleAsyncOptions {
  readonly imports?: DynamicModule['imports'];
  readonly inject?: (string | symbol | Function)[]; // eslint-disable-line @typescript-eslint/no-unsafe-function-type
  readonly useFactory: (...args: never[]) => NatsModuleOptions | Promise<NatsModuleOptions>;
}

/** Drains the connection on shutdown, after every BeforeApplicationShutdown hook (the relay's stop) ran. */
@Injectable()
class NatsConnectionCloser implements OnApplicationShutdown {
  constructor(@Inject(NATS_CONNECTION) private readonly nc: NatsConnection) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.nc.isClosed()) return;
    const drained = this.nc.drain().catch(() => undefined);
    await Promise.race([drained, new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
    if (!this.nc.isClosed()) await this.nc.close();
  }
}

/**
 * The app connects as its own user: the options' credentials, else NATS_USER / NATS_PASSWORD of the
 * app's validated config (ServiceModule), so every app gets them without wiring them itself.
 */
const connectionProvider: Provider = {
  provide: NATS_CONNECTION,
  inject: [NATS_CONNECT_OPTIONS, { token: SERVICE_CONFIG, optional: true }],
  useFactory: (options: NatsModuleOptions, config?: BaseConfig) =>
    connectNats({ ...options, credentials: options.credentials ?? credentialsOf(config), logger: new Logger('Nats') }),
};

function credentialsOf(config: Pick<BaseConfig, 'NATS_USER' | 'NATS_PASSWORD'> | undefined): NatsCredentials | undefined {
  return config?.NATS_USER && config.NATS_PASSWORD ? { user: config.NATS_USER, password: config.NATS_PASSWORD } : undefined;
}

/**
 * One NATS connection per app, shared by the relay and every consumer (global module), with a
 * health indicator for terminus. It connects as the app's NATS user when the app has one.
 */
@Module({})
export class NatsModule {
  static forRoot(options: NatsModuleOptions): DynamicModule {
    return NatsModule.build([{ provide: NATS_CONNECT_OPTIONS, useValue: options }]);
  }

  static forRootAsync(options: NatsModuleAsyncOptions): DynamicModule {
    return NatsModule.build(
      [{ provide: NATS_CONNECT_OPTIONS, inject: options.inject ?? [], useFactory: options.useFactory }],
      options.imports,
    );
  }

  private static build(optionProviders: Provider[], imports: DynamicModule['imports'] = []): DynamicModule {
    return {
      module: NatsModule,
      global: true,
      imports: [TerminusModule, ...imports],
      providers: [...optionProviders, connectionProvider, NatsConnectionCloser, NatsHealthIndicator],
      exports: [NATS_CONNECTION, NatsHealthIndicator],
    };
  }
}
