import { DynamicModule, Module, ModuleMetadata } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import { DeadLetters } from '../dead-letter/dead-letters';
import { DeadLettersController } from '../dead-letter/dead-letters.controller';
import { NATS_CONNECTION } from '../jetstream/nats-connection.token';
import { JetStreamConsumerOptions } from './consumer-options';
import { JetStreamServer } from './jetstream-server';

export const JETSTREAM_CONSUMER_OPTIONS = Symbol('JETSTREAM_CONSUMER_OPTIONS');

export interface MessagingConsumerAsyncOptions extends Pick<ModuleMetadata, 'imports'> {
  readonly useFactory: (...deps: never[]) => JetStreamConsumerOptions | Promise<JetStreamConsumerOptions>;
  readonly inject?: unknown[];
}

const controllers = [DeadLettersController];

/**
 * Provides the app's JetStreamServer (the consuming transport, bound to the context's TypeORM
 * DataSource and to the shared connection of NatsModule.forRoot, which the app imports) and the
 * dead-letter admin (`/admin/dead-letters`). The app's migrations must include `inboxMigrations`.
 * main.ts then connects the transport:
 *
 *   const app = await NestFactory.create(AppModule);
 *   connectJetStreamConsumers(app);      // app.connectMicroservice({ strategy: app.get(JetStreamServer) }) + error filter
 *   await app.startAllMicroservices();   // creates/rewinds the durables and starts consuming
 *   await app.listen(port);
 */
@Module({})
export class MessagingConsumerModule {
  static forRoot(options: JetStreamConsumerOptions): DynamicModule {
    return MessagingConsumerModule.forRootAsync({ useFactory: () => options });
  }

  static forRootAsync(options: MessagingConsumerAsyncOptions): DynamicModule {
    return {
      module: MessagingConsumerModule,
      imports: options.imports ?? [],
      controllers,
      providers: [
        { provide: JETSTREAM_CONSUMER_OPTIONS, useFactory: options.useFactory, inject: (options.inject ?? []) as never[] },
        {
          provide: JetStreamServer,
          useFactory: (consumerOptions: JetStreamConsumerOptions, dataSource: DataSource, connection: NatsConnection) =>
            new JetStreamServer({ ...consumerOptions, dataSource, connection }),
          inject: [JETSTREAM_CONSUMER_OPTIONS, DataSource, NATS_CONNECTION],
        },
        DeadLetters,
      ],
      exports: [JetStreamServer, DeadLetters],
    };
  }
}
