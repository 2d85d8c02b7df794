import { adminDatabaseUrl, databaseUrl, natsUrl } from './environment';
import { testNamespace } from './namespace';

describe('test environment', () => {
  const saved = { DATABASE_URL: process.env.DATABASE_URL, NATS_URL: process.env.NATS_URL };
  afterEach(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it('defaults to the local servers', () => {
    delete process.env.DATABASE_URL;
    delete process.env.NATS_URL;
    expect(adminDatabaseUrl()).toBe('postgres://postgres@127.0.0.1:5432/postgres');
    expect(natsUrl()).toBe('nats://127.0.0.1:4222');
  });

  it('points a database URL at another database of the DATABASE_URL server, keeping credentials and options', () => {
    process.env.DATABASE_URL = 'postgres://app:secret@db.local:6543/admin?sslmode=disable';
    expect(databaseUrl('t_orders_1a2b3c4d')).toBe('postgres://app:secret@db.local:6543/t_orders_1a2b3c4d?sslmode=disable');
  });

  it('reads NATS_URL', () => {
    process.env.NATS_URL = 'nats://10.0.0.7:4333';
    expect(natsUrl()).toBe('nats://10.0.0.7:4333');
  });

  it('gives every test file a subject prefix of its own', () => {
    const a = testNamespace();
    const b = testNamespace();
    expect(a.subjectPrefix).toMatch(/^t[0-9a-f]{8}\.$/);
    expect(a.subjectPrefix).not.toBe(b.subjectPrefix);
  });
});
