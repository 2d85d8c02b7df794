import { DynamicModule, Inject, Injectable, Logger, Module, OnApplicationShutdown, Provider } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { NatsConnection } from '@nats-io/transport-node';
import { NatsConnectOptions, connectNats } from './connection';
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

const connectionProvider: Provider = {
  provide: NATS_CONNECTION,
  inject: [NATS_CONNECT_OPTIONS],
  useFactory: (options: NatsModuleOptions) => connectNats({ ...options, logger: new Logger('Nats') }),
};

/**
 * One NATS connection per app, shared by the relay and every consumer (global module), with a
 * health indicator for terminus.
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
