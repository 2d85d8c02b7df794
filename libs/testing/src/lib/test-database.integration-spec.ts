import { Client } from 'pg';
import { adminDatabaseUrl } from './environment';
import { createTestDatabase } from './test-database';

async function query<T>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

const databaseExists = async (name: string) =>
  (await query(adminDatabaseUrl(), 'SELECT 1 FROM pg_database WHERE datname = $1', [name])).length === 1;

describe('createTestDatabase', () => {
  it('creates a fresh database of its own that can be used, then dropped', async () => {
    const db = await createTestDatabase('Create & Drop');
    expect(db.name).toMatch(/^t_create_drop_[0-9a-f]{8}$/);
    expect(await databaseExists(db.name)).toBe(true);

    await query(db.url, 'CREATE TABLE notes (text TEXT)');
    await query(db.url, "INSERT INTO notes VALUES ('hello')");
    expect(await query(db.url, 'SELECT text FROM notes')).toEqual([{ text: 'hello' }]);
    expect(await query(db.url, 'SELECT current_database() AS name')).toEqual([{ name: db.name }]);

    await db.drop();
    expect(await databaseExists(db.name)).toBe(false);
  });

  it('gives every call its own database', async () => {
    const [a, b] = await Promise.all([createTestDatabase('same'), createTestDatabase('same')]);
    try {
      expect(a.name).not.toBe(b.name);
    } finally {
      await Promise.all([a.drop(), b.drop()]);
    }
  });

  it('drops a database even while a client is still connected', async () => {
    const db = await createTestDatabase('busy');
    const client = new Client({ connectionString: db.url });
    client.on('error', () => undefined); // the forced drop terminates this session
    await client.connect();
    try {
      await db.drop();
      expect(await databaseExists(db.name)).toBe(false);
    } finally {
      await client.end().catch(() => undefined);
    }
  });
});
