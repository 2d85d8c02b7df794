import { eventStoreMigrations } from '@brigade/event-store';
import { relayMigrations } from '../../../src';
import { DataSource } from 'typeorm';

/** The ledger's own database (event store + relay checkpoint), migrated; a small pool. */
export async function openLedgerDatabase(url: string, poolSize = 4): Promise<DataSource> {
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    migrations: [...eventStoreMigrations, ...relayMigrations],
    extra: { max: poolSize },
    logging: false,
  });
  await dataSource.initialize();
  await dataSource.runMigrations();
  return dataSource;
}
