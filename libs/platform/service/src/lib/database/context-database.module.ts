import { DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSourceOptions } from 'typeorm';
import type { BaseConfig } from '../config/base-config.schema';
import { SERVICE_CONFIG } from '../config/service-config.token';
import { PreparingClient } from './preparing-client';
import { StructuredTypeOrmLogger } from './typeorm-logger';

export interface ContextDatabaseOptions {
  /** Every migration of the context's database: event store, messaging and the app's own. */
  readonly migrations: NonNullable<DataSourceOptions['migrations']>;
  /** TypeORM entities of the app's read models (the event store needs none). */
  readonly entities?: DataSourceOptions['entities'];
}

/**
 * The context's own PostgreSQL database, from DATABASE_URL / DB_POOL_SIZE / MIGRATIONS_RUN.
 * The schema is only ever changed by migrations: `synchronize` is always off. TypeORM logs
 * through the app's structured logger (StructuredTypeOrmLogger); parameterised statements are
 * prepared once per connection (PreparingClient).
 */
export function contextDatabaseModule(options: ContextDatabaseOptions): DynamicModule {
  return TypeOrmModule.forRootAsync({
    inject: [SERVICE_CONFIG],
    useFactory: (config: BaseConfig) => ({
      type: 'postgres' as const,
      url: config.DATABASE_URL,
      extra: { max: config.DB_POOL_SIZE, Client: PreparingClient },
      entities: options.entities ?? [],
      migrations: options.migrations,
      migrationsRun: config.MIGRATIONS_RUN,
      synchronize: false,
      logger: new StructuredTypeOrmLogger(),
    }),
  });
}
