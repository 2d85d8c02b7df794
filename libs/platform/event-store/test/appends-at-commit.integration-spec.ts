import { randomUUID } from 'node:crypto';
import { CommandRunner, ConcurrencyError, onAppendCommitted, runInTransaction } from '../src';
import { CounterCommand, counterDecider, CounterEvent, CounterState } from './counter.decider';
import { StoreFixture, aMetadata, openStoreFixture, sentDuring } from './store-fixture';

/** A transaction whose owner retries it whole on a ConcurrencyError, as the message consumer does. */
const AT_COMMIT = { appendsAtCommit: true };

describe('appends sent with the COMMIT (TransactionOptions.appendsAtCommit)', () => {
  let fx: StoreFixture;
  beforeAll(async () => {
    fx = await openStoreFixture('appends_at_commit');
    await fx.dataSource.query('CREATE TABLE marks (id uuid PRIMARY KEY)');
  });
  afterAll(() => fx.close());

  const streamOf = async (streamId: string) => (await fx.store.readStream(streamId)).map((e) => [e.streamVersion, e.type, e.data]);
  const marked = async (id: string) => (await fx.dataSource.query('SELECT id FROM marks WHERE id = $1', [id])).length === 1;
  const appendOne = (streamId: string, expected: number, n: number) => fx.store.append(streamId, 'counter', [{ type: 'Added', data: { n } }], expected, aMetadata());

  it('sends START TRANSACTION, the appends and COMMIT in one round trip, answering the versions they will have', async () => {
    const streamId = `c-${randomUUID()}`;
    const versions: number[] = [];

    const sent = await sentDuring(() =>
      runInTransaction(
        fx.dataSource,
        async () => {
          versions.push((await appendOne(streamId, 0, 1)).streamVersion);
          versions.push((await fx.store.append(streamId, 'counter', [{ type: 'Added', data: { n: 2 } }, { type: 'Added', data: { n: 3 } }], 1, aMetadata())).streamVersion);
        },
        AT_COMMIT,
      ),
    );

    expect(sent.filter((query) => !query.includes('pg_notify'))).toEqual([expect.stringMatching(/^START TRANSACTION; WITH appended AS/)]);
    expect(versions).toEqual([1, 3]);
    expect(await streamOf(streamId)).toEqual([
      [1, 'Added', { n: 1 }],
      [2, 'Added', { n: 2 }],
      [3, 'Added', { n: 3 }],
    ]);
  });

  it('lets the transaction read its own appends: a read of the stream sends them first', async () => {
    const streamId = `c-${randomUUID()}`;
    let seen: number[] = [];

    await runInTransaction(
      fx.dataSource,
      async () => {
        await appendOne(streamId, 0, 1);
        seen = (await fx.store.readStream(streamId)).map((e) => e.streamVersion);
        await appendOne(streamId, 1, 2);
      },
      AT_COMMIT,
    );

    expect(seen).toEqual([1]);
    expect(await streamOf(streamId)).toEqual([
      [1, 'Added', { n: 1 }],
      [2, 'Added', { n: 2 }],
    ]);
  });

  it('fails the COMMIT with a ConcurrencyError when another transaction took the version, and keeps nothing of it', async () => {
    const streamId = `c-${randomUUID()}`;
    await appendOne(streamId, 0, 1);
    const mark = randomUUID();

    await expect(
      runInTransaction(
        fx.dataSource,
        async (manager) => {
          await manager.query('INSERT INTO marks (id) VALUES ($1)', [mark]);
          await appendOne(streamId, 1, 2); // queued for the COMMIT
          await runInTransaction(fx.dataSource, async () => undefined); // joins: still queued
          await fx.dataSource.query(`INSERT INTO es_events (event_id, stream_id, stream_type, stream_version, event_type, schema_version, data, metadata)
            VALUES ($1, $2, 'counter', 2, 'Added', 1, '{"n": 99}', '{}')`, [randomUUID(), streamId]); // another writer, committed first
        },
        AT_COMMIT,
      ),
    ).rejects.toEqual(expect.objectContaining({ name: 'ConcurrencyError', code: 'EVENT_STORE.CONCURRENCY', streamId, expectedVersion: 1 }));

    expect(await marked(mark)).toBe(false);
    expect(await streamOf(streamId)).toEqual([
      [1, 'Added', { n: 1 }],
      [2, 'Added', { n: 99 }],
    ]);
  });

  it('fails the COMMIT with a ConcurrencyError when the stream has not reached the expected version (nothing inserted, es_expect_appended)', async () => {
    const streamId = `c-${randomUUID()}`;
    await appendOne(streamId, 0, 1);

    const failure = await runInTransaction(fx.dataSource, () => appendOne(streamId, 5, 6), AT_COMMIT).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ConcurrencyError);
    expect(failure).toMatchObject({ streamId, expectedVersion: 5, actualVersion: null });
    expect(await streamOf(streamId)).toEqual([[1, 'Added', { n: 1 }]]);
  });

  it('lets exactly one of two concurrent transactions commit at the same version; the loser can be retried whole', async () => {
    const streamId = `c-${randomUUID()}`;
    const runner = new CommandRunner<CounterCommand, CounterEvent, CounterState>(fx.store, counterDecider, { streamType: 'counter' });
    const increment = () => runInTransaction(fx.dataSource, () => runner.run(streamId, { type: 'Increment', by: 1 }, aMetadata()), AT_COMMIT);

    const results = await Promise.allSettled(Array.from({ length: 8 }, increment));
    const lost = results.filter((r) => r.status === 'rejected');
    for (const loss of lost) expect((loss as PromiseRejectedResult).reason).toBeInstanceOf(ConcurrencyError);
    for (let retries = 0; retries < lost.length; retries++) {
      // As the consumer does: the whole transaction again, until it commits.
      for (;;) {
        const retried = await increment().then(() => true, (error: unknown) => (error instanceof ConcurrencyError ? false : Promise.reject(error)));
        if (retried) break;
      }
    }

    expect((await fx.store.readStream(streamId)).map((e) => e.streamVersion)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("sends CommandRunner's newStream guess with the COMMIT: a wrong one fails it, and the transaction run again reads the stream", async () => {
    const streamId = `c-${randomUUID()}`;
    const runner = new CommandRunner<CounterCommand, CounterEvent, CounterState>(fx.store, counterDecider, { streamType: 'counter' });
    const increment = (options: { newStream?: boolean; freshId?: boolean }) =>
      runInTransaction(fx.dataSource, () => runner.run(streamId, { type: 'Increment', by: 1 }, aMetadata(), options), AT_COMMIT);
    const reads = (sent: string[]) => sent.filter((query) => /SELECT transaction_id::text/.test(query));

    const created = await sentDuring(() => increment({ newStream: true })); // right: nothing read, the append went with the COMMIT
    expect(reads(created)).toEqual([]);
    expect(created.filter((query) => !query.includes('pg_notify'))).toEqual([expect.stringMatching(/^START TRANSACTION; WITH appended AS/)]);

    await expect(increment({ newStream: true })).rejects.toBeInstanceOf(ConcurrencyError); // wrong: the stream exists
    let guessed: Awaited<ReturnType<typeof increment>> | undefined;
    const again = await sentDuring(async () => (guessed = await increment({ newStream: true }))); // as the consumer does: the whole transaction again

    expect(reads(again)).toHaveLength(1);
    expect(guessed).toMatchObject({ streamVersion: 2, state: { total: 2, increments: 2 } });
    expect((await fx.store.readStream(streamId)).map((e) => e.streamVersion)).toEqual([1, 2]);
  });

  it('answers a newStream guess at once outside such a transaction, running the command as usual when it is wrong', async () => {
    const streamId = `c-${randomUUID()}`;
    const runner = new CommandRunner<CounterCommand, CounterEvent, CounterState>(fx.store, counterDecider, { streamType: 'counter' });
    await runInTransaction(fx.dataSource, () => runner.run(streamId, { type: 'Increment', by: 1 }, aMetadata(), { freshId: true }), AT_COMMIT);

    const guessed = await runInTransaction(fx.dataSource, () => runner.run(streamId, { type: 'Increment', by: 1 }, aMetadata(), { newStream: true }));

    expect(guessed).toMatchObject({ streamVersion: 2, state: { total: 2, increments: 2 } });
    expect((await fx.store.readStream(streamId)).map((e) => e.streamVersion)).toEqual([1, 2]);
  });

  it('prepares the append once per connection: later COMMITs only bind it, and a failed one does not break it', async () => {
    const single = await openStoreFixture('appends_at_commit_prepared', 1);
    try {
      const append = (streamId: string, expected: number) =>
        runInTransaction(single.dataSource, () => single.store.append(streamId, 'counter', [{ type: 'Added', data: {} }], expected, aMetadata()), AT_COMMIT);
      const preparedAt = async () =>
        (await single.dataSource.query(`SELECT prepare_time FROM pg_prepared_statements WHERE name = 'brigade_es_append_at_commit'`)).map(
          (row: { prepare_time: Date }) => row.prepare_time.toISOString(),
        );
      const streamId = `c-${randomUUID()}`;

      await append(streamId, 0);
      const first = await preparedAt();
      await expect(append(streamId, 0)).rejects.toBeInstanceOf(ConcurrencyError);
      await append(streamId, 1);
      await append(`c-${randomUUID()}`, 0);

      expect(first).toHaveLength(1);
      expect(await preparedAt()).toEqual(first);
      expect((await single.store.readStream(streamId)).map((e) => e.streamVersion)).toEqual([1, 2]);
    } finally {
      await single.close();
    }
  });

  it("reads a stream ahead in the round trip of the next command read, and that answer serves until the transaction appends to it", async () => {
    const saga = `s-${randomUUID()}`;
    const order = `o-${randomUUID()}`;
    await appendOne(order, 0, 1);
    const seen: number[][] = [];

    const sent = await sentDuring(() =>
      runInTransaction(
        fx.dataSource,
        async () => {
          fx.store.readAhead(order, null);
          await fx.store.readForCommand(saga, null, { lock: true }); // the order goes along
          seen.push((await fx.store.readForCommand(order, null, { lock: false })).events.map((e) => e.streamVersion)); // no round trip
          await appendOne(order, 1, 2);
          seen.push((await fx.store.readForCommand(order, null, { lock: false })).events.map((e) => e.streamVersion)); // read again: appended since
        },
        AT_COMMIT,
      ),
    );

    expect(seen).toEqual([[1], [1, 2]]);
    // The saga's lock and read with the order's; the queued append sent before the order is read again.
    expect(sent.filter((query) => !query.includes('pg_notify'))).toEqual([
      expect.stringMatching(/^START TRANSACTION; SELECT pg_advisory_xact_lock/),
      expect.stringMatching(/^WITH appended AS/),
      expect.stringMatching(/^SELECT transaction_id/),
      'COMMIT',
    ]);
  });

  it("sends a read ahead with the transaction's first statement too, TypeORM's included", async () => {
    const order = `o-${randomUUID()}`;
    await appendOne(order, 0, 1);
    let seen: number[] = [];

    const sent = await sentDuring(() =>
      runInTransaction(
        fx.dataSource,
        async (manager) => {
          fx.store.readAhead(order, null);
          await manager.query('SELECT 1');
          seen = (await fx.store.readForCommand(order, null, { lock: false })).events.map((e) => e.streamVersion);
          await appendOne(order, 1, 2);
        },
        AT_COMMIT,
      ),
    );

    expect(seen).toEqual([1]);
    expect(sent.filter((query) => !query.includes('pg_notify'))).toEqual([expect.stringMatching(/^START TRANSACTION; SELECT 1; SELECT transaction_id/), expect.stringMatching(/^START|^WITH appended/)]);
  });

  it('does not take a read ahead that went out after an append to its stream was queued: it reads again', async () => {
    const saga = `s-${randomUUID()}`;
    const order = `o-${randomUUID()}`;
    await appendOne(order, 0, 1);
    let seen: number[] = [];

    await runInTransaction(
      fx.dataSource,
      async () => {
        fx.store.readAhead(order, null);
        await appendOne(order, 1, 2); // queued for the COMMIT
        await fx.store.readForCommand(saga, null, { lock: true }); // a read ahead would go along here
        seen = (await fx.store.readForCommand(order, null, { lock: false })).events.map((e) => e.streamVersion);
      },
      AT_COMMIT,
    );

    expect(seen).toEqual([1, 2]);
  });

  it("wakes this process's relay after the COMMIT, except for events never published (wakeRelay: false, CommandRunner's unpublished)", async () => {
    let wakeUps = 0;
    const stop = onAppendCommitted(fx.dataSource, () => wakeUps++);
    try {
      const internal = new CommandRunner<CounterCommand, CounterEvent, CounterState>(fx.store, counterDecider, { streamType: 'saga', unpublished: true });
      await runInTransaction(fx.dataSource, () => internal.run(`s-${randomUUID()}`, { type: 'Increment', by: 1 }, aMetadata(), { freshId: true }), AT_COMMIT);
      await internal.run(`s-${randomUUID()}`, { type: 'Increment', by: 1 }, aMetadata());
      expect(wakeUps).toBe(0);

      await runInTransaction(fx.dataSource, () => appendOne(`c-${randomUUID()}`, 0, 1), AT_COMMIT);
      await appendOne(`c-${randomUUID()}`, 0, 1);
      expect(wakeUps).toBe(2);
    } finally {
      stop();
    }
  });

  it('appends at once when the events carry their own ids: a repeat must answer a no-op, which only a read can tell', async () => {
    const streamId = `c-${randomUUID()}`;
    const eventId = randomUUID();
    const withId = () => fx.store.append(streamId, 'counter', [{ type: 'Added', data: { n: 1 }, eventId }], 0, aMetadata());

    const sent = await sentDuring(() => runInTransaction(fx.dataSource, withId, AT_COMMIT));
    const again = await runInTransaction(fx.dataSource, withId, AT_COMMIT);

    expect(sent.filter((query) => query.includes('INSERT INTO es_events') && !query.includes('WITH appended'))).toHaveLength(1);
    expect(sent.at(-1)).toBe('COMMIT');
    expect(again.streamVersion).toBe(1);
    expect(await streamOf(streamId)).toEqual([[1, 'Added', { n: 1 }]]);
  });
});
