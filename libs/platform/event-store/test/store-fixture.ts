import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createTestDatabase } from '@brigade/testing';
import { EventMetadata, EventStore, EventStoreOptions, eventStoreMigrations } from '../src';

export interface StoreFixture {
  readonly dataSource: DataSource;
  readonly store: EventStore;
  newStore(options: EventStoreOptions): EventStore;
  close(): Promise<void>;
}

/** A fresh database with the event store schema, for one test file. */
export async function openStoreFixture(label: string, poolSize = 20): Promise<StoreFixture> {
  const db = await createTestDatabase(label);
  const dataSource = new DataSource({
    type: 'postgres',
    url: db.url,
    migrations: eventStoreMigrations,
    extra: { max: poolSize },
  });
  await dataSource.initialize();
  await dataSource.runMigrations();
  return {
    dataSource,
    store: new EventStore(dataSource),
    newStore: (options) => new EventStore(dataSource, options),
    close: async () => {
      await dataSource.destroy();
      await db.drop();
    },
  };
}

export function aMetadata(overrides: Partial<EventMetadata> = {}): EventMetadata {
  return {
    correlationId: randomUUID(),
    causationId: null,
    actor: { id: 'test', role: 'system' },
    occurredAt: '2026-11-27T10:00:00.000Z',
    ...overrides,
  };
}
