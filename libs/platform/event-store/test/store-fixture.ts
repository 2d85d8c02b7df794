import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
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

/**
 * The queries the pg driver is given while `work` runs, one per round trip: a statement pipelined
 * behind others (START TRANSACTION, writes sent with the COMMIT) is shown with them, joined by '; '.
 */
export async function sentDuring(work: () => Promise<unknown>): Promise<string[]> {
  const spy = jest.spyOn(Client.prototype, 'query');
  try {
    await work();
    return spy.mock.calls.map(([query]) => {
      const { text, begin = [] } = typeof query === 'string' ? { text: query } : (query as { text: string; begin?: string[] });
      return [...begin, text].join('; ').replace(/\s+/g, ' ').slice(0, 80);
    });
  } finally {
    spy.mockRestore();
  }
}
