/** Where the shared test servers are: `npm test` exports these, defaults match a local install. */
const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const DEFAULT_NATS_URL = 'nats://127.0.0.1:4222';

/** The server-wide (admin) database URL, used to create and drop per-test databases. */
export function adminDatabaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

/** The URL of database `dbName` on the DATABASE_URL server (same credentials and options). */
export function databaseUrl(dbName: string): string {
  const url = new URL(adminDatabaseUrl());
  url.pathname = `/${encodeURIComponent(dbName)}`;
  return url.toString();
}

export function natsUrl(): string {
  return process.env.NATS_URL || DEFAULT_NATS_URL;
}
