import { randomUUID } from 'node:crypto';
import { gate } from '@brigade/testing';
import { EntityManager } from 'typeorm';
import { CommittedReadCache, runInTransaction } from '../src';
import { StoreFixture, openStoreFixture } from './store-fixture';

/** A replica-like table: one row per key, written by transactions that tell the cache. */
describe('CommittedReadCache (rows read at every command, kept between reads)', () => {
  let fx: StoreFixture;
  let loads: number;
  beforeAll(async () => {
    fx = await openStoreFixture('committed_read_cache', 5);
    await fx.dataSource.query('CREATE TABLE menus (key text PRIMARY KEY, price integer NOT NULL)');
  });
  afterAll(() => fx.close());
  beforeEach(() => (loads = 0));

  const newCache = (capacity?: number) => new CommittedReadCache<number | null>(fx.dataSource, capacity);
  const load = (key: string) => async (manager: EntityManager) => {
    loads++;
    const [row] = await manager.query('SELECT price FROM menus WHERE key = $1', [key]);
    return row ? Number(row.price) : null;
  };
  const write = (cache: CommittedReadCache<number | null>, key: string, price: number) =>
    runInTransaction(fx.dataSource, async (manager) => {
      await manager.query('INSERT INTO menus (key, price) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET price = $2', [key, price]);
      cache.changed(key);
    });
  /** A load held open until `release` is called, to run a write while it is under way. */
  const heldLoad = (key: string) => {
    const held = gate();
    return {
      release: held.open,
      load: async (manager: EntityManager) => {
        const value = await load(key)(manager);
        await held.opened;
        return value;
      },
    };
  };

  it('reads a key once, then answers from memory', async () => {
    const cache = newCache();
    const key = randomUUID();
    await write(cache, key, 100);

    expect(await cache.get(key, load(key))).toBe(100);
    expect(await cache.get(key, load(key))).toBe(100);
    expect(await runInTransaction(fx.dataSource, () => cache.get(key, load(key)))).toBe(100);
    expect(loads).toBe(1);
  });

  it('reads the key again once a transaction that changed it has committed, and not before', async () => {
    const cache = newCache();
    const key = randomUUID();
    await write(cache, key, 100);
    await cache.get(key, load(key));

    const written = gate();
    const finishing = gate();
    const writing = runInTransaction(fx.dataSource, async (manager) => {
      await manager.query('UPDATE menus SET price = 200 WHERE key = $1', [key]);
      cache.changed(key);
      written.open();
      await finishing.opened;
    });
    await written.opened;
    const readDuringWrite = await cache.get(key, load(key)); // another caller, outside that transaction
    finishing.open();
    await writing;

    expect(readDuringWrite).toBe(100); // still the committed value: the write had not committed yet
    expect(await cache.get(key, load(key))).toBe(200);
    expect(loads).toBe(2);
  });

  it('keeps nothing a transaction read after changing the key itself, so a rollback leaves no trace', async () => {
    const cache = newCache();
    const key = randomUUID();
    await write(cache, key, 100);

    await expect(
      runInTransaction(fx.dataSource, async (manager) => {
        await manager.query('UPDATE menus SET price = 300 WHERE key = $1', [key]);
        cache.changed(key);
        expect(await cache.get(key, load(key))).toBe(300); // its own uncommitted write
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');

    expect(await cache.get(key, load(key))).toBe(100);
    expect(loads).toBe(2);
  });

  it('does not keep a load that was under way while a change committed', async () => {
    const cache = newCache();
    const key = randomUUID();
    await write(cache, key, 100);

    const held = heldLoad(key);
    const racing = cache.get(key, held.load);
    while (loads === 0) await new Promise((resolve) => setImmediate(resolve));
    await write(cache, key, 400); // commits after the load read 100
    held.release();

    expect(await racing).toBe(100);
    expect(await cache.get(key, load(key))).toBe(400);
  });

  it('also remembers that a key is unknown, until a write adds it', async () => {
    const cache = newCache();
    const key = randomUUID();

    expect(await cache.get(key, load(key))).toBeNull();
    expect(await cache.get(key, load(key))).toBeNull();
    await write(cache, key, 500);

    expect(await cache.get(key, load(key))).toBe(500);
    expect(loads).toBe(2);
  });

  it('keeps at most its capacity, the least recently read going first', async () => {
    const cache = newCache(2);
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    for (const key of [a, b]) await cache.get(key, load(key));
    await cache.get(a, load(a)); // a is now more recent than b
    await cache.get(c, load(c));

    expect(cache.size).toBe(2);
    loads = 0;
    await cache.get(a, load(a));
    await cache.get(b, load(b));
    expect(loads).toBe(1); // b was dropped, a was kept
  });
});
