import { randomUUID } from 'node:crypto';
import { gate } from '@brigade/testing';
import { ConcurrencyError, CommandRunner, PartialDuplicateAppendError, runInTransaction } from '../src';
import { counterDecider } from './counter.decider';
import { StoreFixture, aMetadata, openStoreFixture } from './store-fixture';

const incremented = (by = 1, eventId?: string) => ({ eventId, type: 'Incremented', data: { by } });

describe('EventStore', () => {
  let fx: StoreFixture;
  beforeAll(async () => {
    fx = await openStoreFixture('event_store');
  });
  afterAll(() => fx.close());

  it('appends at the expected version and reads the stream back with its metadata', async () => {
    const streamId = `counter-${randomUUID()}`;
    const metadata = aMetadata({ causationId: randomUUID() });

    const first = await fx.store.append(streamId, 'counter', [incremented(1), incremented(2)], 0, metadata);
    const second = await fx.store.append(streamId, 'counter', [incremented(3)], 2, metadata);

    expect(first).toEqual({ streamVersion: 2, appended: true });
    expect(second).toEqual({ streamVersion: 3, appended: true });
    const events = await fx.store.readStream(streamId);
    expect(events.map((e) => [e.streamVersion, e.data])).toEqual([[1, { by: 1 }], [2, { by: 2 }], [3, { by: 3 }]]);
    expect(events[0]).toMatchObject({ streamType: 'counter', type: 'Incremented', schemaVersion: 1, metadata });
    expect(await fx.store.readStream(streamId, { fromVersion: 2 })).toHaveLength(1);
  });

  it('rejects an append at a stale or future version with a ConcurrencyError', async () => {
    const streamId = `counter-${randomUUID()}`;
    await fx.store.append(streamId, 'counter', [incremented()], 0, aMetadata());

    await expect(fx.store.append(streamId, 'counter', [incremented()], 0, aMetadata())).rejects.toBeInstanceOf(ConcurrencyError);
    await expect(fx.store.append(streamId, 'counter', [incremented()], 5, aMetadata())).rejects.toBeInstanceOf(ConcurrencyError);
    expect(await fx.store.readStream(streamId)).toHaveLength(1);
  });

  it('lets exactly one of 50 concurrent appends at the same expected version win', async () => {
    const streamId = `counter-${randomUUID()}`;
    await fx.store.append(streamId, 'counter', [incremented()], 0, aMetadata());

    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () => fx.store.append(streamId, 'counter', [incremented()], 1, aMetadata())),
    );

    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(failures).toHaveLength(49);
    expect(failures.every((f) => f.reason instanceof ConcurrencyError)).toBe(true);
    expect((await fx.store.readStream(streamId)).map((e) => e.streamVersion)).toEqual([1, 2]);
  });

  it('loses no command when 50 run concurrently through the retrying CommandRunner', async () => {
    const streamId = `counter-${randomUUID()}`;
    const runner = new CommandRunner(fx.store, counterDecider, { streamType: 'counter' });

    await Promise.all(Array.from({ length: 50 }, (_, i) => runner.run(streamId, { type: 'Increment', by: i + 1 }, aMetadata())));

    const events = await fx.store.readStream(streamId);
    expect(events.map((e) => e.streamVersion)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect((await runner.load(streamId)).state).toEqual({ total: (50 * 51) / 2, increments: 50 });
  });

  it('treats an append of already stored event ids as a no-op, whatever version it expects', async () => {
    const streamId = `counter-${randomUUID()}`;
    const eventId = randomUUID();
    await fx.store.append(streamId, 'counter', [incremented(1, eventId)], 0, aMetadata());

    const again = await fx.store.append(streamId, 'counter', [incremented(1, eventId)], 0, aMetadata());
    const concurrently = await Promise.all(
      Array.from({ length: 5 }, () => fx.store.append(streamId, 'counter', [incremented(1, eventId)], 'any', aMetadata())),
    );

    expect(again).toEqual({ streamVersion: 1, appended: false });
    expect(concurrently.every((r) => !r.appended)).toBe(true);
    expect(await fx.store.readStream(streamId)).toHaveLength(1);
    await expect(
      fx.store.append(streamId, 'counter', [incremented(1, eventId), incremented(2)], 1, aMetadata()),
    ).rejects.toBeInstanceOf(PartialDuplicateAppendError);
  });

  it('deduplicates concurrent first appends of the same event id to a stream expecting any version', async () => {
    const streamId = `counter-${randomUUID()}`;
    const eventId = randomUUID();

    const results = await Promise.all(
      Array.from({ length: 10 }, () => fx.store.append(streamId, 'counter', [incremented(1, eventId)], 'any', aMetadata())),
    );

    expect(results.filter((r) => r.appended)).toHaveLength(1);
    expect(await fx.store.readStream(streamId)).toHaveLength(1);
  });

  it('leaves the ambient transaction usable after a refused append, so the rest of it can still commit', async () => {
    const streamId = `counter-${randomUUID()}`;
    await fx.store.append(streamId, 'counter', [incremented(1)], 0, aMetadata());

    await runInTransaction(fx.dataSource, async () => {
      await expect(fx.store.append(streamId, 'counter', [incremented(2)], 0, aMetadata())).rejects.toBeInstanceOf(ConcurrencyError);
      await fx.store.append(streamId, 'counter', [incremented(3)], 1, aMetadata());
    });

    expect((await fx.store.readStream(streamId)).map((e) => e.data)).toEqual([{ by: 1 }, { by: 3 }]);
  });

  it('undoes the part of a multi-event append that did not collide, inside a transaction, and refuses it whole', async () => {
    const streamId = `counter-${randomUUID()}`;
    await fx.store.append(streamId, 'counter', [incremented(1)], 0, aMetadata());
    await fx.store.append(streamId, 'counter', [incremented(2)], 1, aMetadata()); // takes version 2 only

    await runInTransaction(fx.dataSource, async () => {
      // Versions 2 and 3: version 2 collides, version 3 alone would have gone in.
      await expect(fx.store.append(streamId, 'counter', [incremented(20), incremented(30)], 1, aMetadata())).rejects.toMatchObject({
        code: 'EVENT_STORE.CONCURRENCY',
        actualVersion: 2,
      });
      await fx.store.append(streamId, 'counter', [incremented(3), incremented(4)], 2, aMetadata());
    });

    expect((await fx.store.readStream(streamId)).map((e) => e.data)).toEqual([{ by: 1 }, { by: 2 }, { by: 3 }, { by: 4 }]);
  });

  it('refuses an append from a transaction older than the stream’s last writer, so global order matches stream order', async () => {
    const streamId = `counter-${randomUUID()}`;
    const olderMayAppend = gate();
    const xidTaken = gate();

    const older = runInTransaction(fx.dataSource, async (manager) => {
      await manager.query('SELECT pg_current_xact_id()'); // this transaction now has the lower xid
      xidTaken.open();
      await olderMayAppend.opened;
      await fx.store.append(streamId, 'counter', [incremented(2)], 1, aMetadata());
    });
    await xidTaken.opened;
    await fx.store.append(streamId, 'counter', [incremented(1)], 0, aMetadata()); // newer xid, commits first
    olderMayAppend.open();

    await expect(older).rejects.toMatchObject({ code: 'EVENT_STORE.CONCURRENCY', reason: 'transaction-order' });
    await fx.store.append(streamId, 'counter', [incremented(2)], 1, aMetadata()); // a retry in a new transaction
    const all = (await fx.store.readAll({ limit: 10_000 })).filter((e) => e.streamId === streamId);
    expect(all.map((e) => e.streamVersion)).toEqual([1, 2]);
  });

  it('creates a new stream without reading it first, and runs as usual when it exists after all', async () => {
    const runner = new CommandRunner(fx.store, counterDecider, { streamType: 'counter' });
    const fresh = `counter-${randomUUID()}`;
    const existing = `counter-${randomUUID()}`;
    await runner.run(existing, { type: 'Increment', by: 5 }, aMetadata());

    const created = await runner.run(fresh, { type: 'Increment', by: 1 }, aMetadata(), { newStream: true });
    const continued = await runner.run(existing, { type: 'Increment', by: 2 }, aMetadata(), { newStream: true });

    expect(created).toMatchObject({ streamVersion: 1, state: { total: 1, increments: 1 } });
    expect(continued).toMatchObject({ streamVersion: 2, state: { total: 7, increments: 2 } });
    expect((await fx.store.readStream(existing)).map((e) => e.data)).toEqual([{ by: 5 }, { by: 2 }]);
    await expect(runner.run(fresh, { type: 'Increment', by: 0 }, aMetadata(), { newStream: true })).rejects.toMatchObject({
      code: 'TEST.COUNTER.NOT_POSITIVE',
    });
  });

  it('lets the writers of one stream take turns instead of colliding when the runner serialises them', async () => {
    const streamId = `counter-${randomUUID()}`;
    let decisions = 0;
    const counting = { ...counterDecider, decide: (...args: Parameters<typeof counterDecider.decide>) => (decisions++, counterDecider.decide(...args)) };
    const runner = new CommandRunner(fx.store, counting, { streamType: 'counter', serializeWriters: true });

    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        runInTransaction(fx.dataSource, () => runner.run(streamId, { type: 'Increment', by: i + 1 }, aMetadata())),
      ),
    );

    expect((await runner.load(streamId)).state).toEqual({ total: (20 * 21) / 2, increments: 20 });
    expect(decisions).toBe(20); // each command decided once: no collision, no reload
  });

  it.each([
    ['a snapshot policy', `counter-${randomUUID()}`, { every: 3, schemaVersion: 1 }],
    ['a stream id that cannot be inlined (lock and read sent apart)', `counter's-${randomUUID()}`, undefined],
  ])('serialises writers the same way with %s', async (_, streamId, snapshot) => {
    let decisions = 0;
    const counting = { ...counterDecider, decide: (...args: Parameters<typeof counterDecider.decide>) => (decisions++, counterDecider.decide(...args)) };
    const runner = new CommandRunner(fx.store, counting, { streamType: 'counter', serializeWriters: true, ...(snapshot ? { snapshot } : {}) });

    await Promise.all(
      Array.from({ length: 10 }, (_, i) => runInTransaction(fx.dataSource, () => runner.run(streamId, { type: 'Increment', by: i + 1 }, aMetadata()))),
    );

    expect((await runner.load(streamId)).state).toEqual({ total: 55, increments: 10 });
    expect(decisions).toBe(10);
  });
});
