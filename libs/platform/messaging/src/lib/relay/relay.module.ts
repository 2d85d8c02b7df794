import { EventStore, Upcaster } from '@brigade/event-store';
import { BeforeApplicationShutdown, DynamicModule, Injectable, Logger, Module, OnApplicationBootstrap, Provider } from '@nestjs/common';
import { NatsConnection } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import { NATS_CONNECTION } from '../jetstream/nats-connection.token';
import { OutboxRelay, OutboxRelayOptions } from './outbox-relay';

export interface RelayModuleOptions extends Omit<OutboxRelayOptions, 'store' | 'logger'> {
  /** The context's upcasters, so that events are mapped in their current schema. */
  readonly upcasters?: Upcaster[];
}

export interface RelayModuleAsyncOptions {
  readonly imports?: DynamicModule['imports'];
  readonly inject?: (string | symbol | Function)[]; // eslint-disable-line @typescript-eslint/no-unsafe-function-type
  readonly useFactory: (...args: never[]) => RelayModuleOptions | Promise<RelayModuleOptions>;
}

const RELAY_OPTIONS = Symbol('RELAY_OPTIONS');

/** Starts the relay once the app is up; stops it (in-flight batch finished) before the NATS connection closes. */
@Injectable()
class RelayLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(private readonly relay: OutboxRelay) {}

  onApplicationBootstrap(): Promise<void> {
    return this.relay.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.relay.stop();
  }
}

const relayProvider: Provider = {
  provide: OutboxRelay,
  inject: [DataSource, NATS_CONNECTION, RELAY_OPTIONS],
  useFactory: (dataSource: DataSource, nats: NatsConnection, { upcasters, ...options }: RelayModuleOptions) =>
    new OutboxRelay(dataSource, nats, {
      ...options,
      store: new EventStore(dataSource, { upcasters }),
      logger: new Logger(OutboxRelay.name),
    }),
};

/**
 * Publishes the context's events: `RelayModule.forRoot({ context: 'restaurants', mapEvent })`.
 * Needs TypeOrmModule (the context's DataSource, with `relayMigrations`) and NatsModule.
 */
@Module({})
export class RelayModule {
  static forRoot(options: RelayModuleOptions): DynamicModule {
    return RelayModule.build([{ provide: RELAY_OPTIONS, useValue: options }]);
  }

  static forRootAsync(options: RelayModuleAsyncOptions): DynamicModule {
    return RelayModule.build(
      [{ provide: RELAY_OPTIONS, inject: options.inject ?? [], useFactory: options.useFactory }],
      options.imports,
    );
  }

  private static build(optionProviders: Provider[], imports: DynamicModule['imports'] = []): DynamicModule {
    return {
      module: RelayModule,
      imports,
      providers: [...optionProviders, relayProvider, RelayLifecycle],
      exports: [OutboxRelay],
    };
  }
}
