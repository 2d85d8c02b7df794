import { Client } from 'pg';
import { adminDatabaseUrl, databaseUrl } from './environment';
import { randomSuffix } from './unique-name';

export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  /** Drops the database, disconnecting whoever is still connected to it. */
  drop(): Promise<void>;
}

/**
 * A fresh, empty database on the DATABASE_URL server, named `t_<label>_<random>`, so that
 * test files running in parallel never see each other's rows. Call drop() in afterAll.
 * The admin connection is closed right away: the server is shared (max_connections=100).
 */
export async function createTestDatabase(label = 'test'): Promise<TestDatabase> {
  const name = `t_${sanitize(label)}_${randomSuffix()}`;
  // template0 never has sessions, so parallel CREATE DATABASE calls cannot fail with
  // "source database is being accessed by other users" as they can with template1.
  await withAdminClient((admin) => admin.query(`CREATE DATABASE ${quote(name)} TEMPLATE template0`));
  return {
    name,
    url: databaseUrl(name),
    drop: () => withAdminClient((admin) => admin.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`)).then(() => undefined),
  };
}

async function withAdminClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminDatabaseUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Lower-case identifier characters only, short enough for PostgreSQL's 63-byte names. */
function sanitize(label: string): string {
  return (
    label
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 40) || 'test'
  );
}

function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}
