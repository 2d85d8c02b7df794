import { Client } from 'pg';
import { startPostgresServer, PostgresServer } from './postgres-server';

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('startPostgresServer', () => {
  let server: PostgresServer;

  beforeAll(async () => {
    server = await startPostgresServer();
  });
  afterAll(() => server?.stop());

  it('serves a database of its own that survives a stop and a restart', async () => {
    await query(server.url(), 'CREATE DATABASE shop');
    await query(server.url('shop'), 'CREATE TABLE items (name TEXT)');
    await query(server.url('shop'), "INSERT INTO items VALUES ('soup')");

    await server.stop();
    await expect(query(server.url('shop'), 'SELECT 1')).rejects.toThrow();
    await server.start();

    expect(await query(server.url('shop'), 'SELECT name FROM items')).toEqual([{ name: 'soup' }]);
  });

  it('is not the shared server', async () => {
    expect(server.url()).not.toContain(':5432/');
    const [{ port }] = await query<{ port: string }>(server.url(), "SELECT current_setting('port') AS port");
    expect(server.url()).toContain(`:${port}/`);
  });
});
