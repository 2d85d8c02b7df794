import { randomUUID } from 'node:crypto';
import { Decider, DomainError } from '@brigade/domain';
import { CommandRunner, ConcurrencyError, runInTransaction } from '../src';
import { StoreFixture, aMetadata, openStoreFixture, sentDuring } from './store-fixture';

/** A counter capped at 10 that can be reset: whether a command is refused depends on the state. */
type Command = { type: 'Add'; by: number } | { type: 'Reset' };
type Event = { type: 'Added'; data: { by: number } } | { type: 'WasReset'; data: Record<string, never> };
const capped: Decider<Command, Event, { total: number }> = {
  initialState: () => ({ total: 0 }),
  decide: (command, state) => {
    if (command.type === 'Reset') return [{ type: 'WasReset', data: {} }];
    if (state.total + command.by > 10) throw new DomainError('TEST.COUNTER.CAPPED', 'rule', 'over the cap');
    return command.by === 0 ? [] : [{ type: 'Added', data: { by: command.by } }];
  },
  evolve: (state, event) => ({ total: event.type === 'WasReset' ? 0 : state.total + event.data.by }),
};

/** A transaction whose owner retries it whole on a ConcurrencyError, as the message consumer does. */
const AT_COMMIT = { appendsAtCommit: true };

describe('CommandRunner remembering the states it committed (rememberStates)', () => {
  let fx: StoreFixture;
  beforeAll(async () => {
    fx = await openStoreFixture('remembered_states');
  });
  afterAll(() => fx.close());

  const remembering = () => new CommandRunner(fx.store, capped, { streamType: 'capped', rememberStates: { capacity: 100 } });
  /** Another process writing the same streams: it remembers nothing of this one's writes. */
  const elsewhere = () => new CommandRunner(fx.store, capped, { streamType: 'capped' });
  const inTx = (work: () => Promise<unknown>) => runInTransaction(fx.dataSource, work, AT_COMMIT);
  const typesOf = async (streamId: string) => (await fx.store.readStream(streamId)).map((e) => [e.streamVersion, e.type]);
  /** The stream reads among the round trips (readStream's columns, or the snapshot read's). */
  const reads = (sent: string[]) => sent.filter((query) => /SELECT (transaction_id::text|s\.stream_version AS snapshot_version)/.test(query));

  it('decides the next command on the state the last one committed, without reading the stream', async () => {
    const runner = remembering();
    const streamId = `capped-${randomUUID()}`;
    await inTx(() => runner.run(streamId, { type: 'Add', by: 2 }, aMetadata()));

    let outcome: unknown;
    const sent = await sentDuring(() => inTx(async () => (outcome = await runner.run(streamId, { type: 'Add', by: 3 }, aMetadata()))));

    expect(reads(sent)).toEqual([]);
    expect(sent.filter((query) => !query.includes('pg_notify'))).toEqual([expect.stringMatching(/^START TRANSACTION; WITH appended AS/)]);
    expect(outcome).toMatchObject({ state: { total: 5 }, streamVersion: 2 });
    expect(await typesOf(streamId)).toEqual([[1, 'Added'], [2, 'Added']]);
  });

  it('remembers a stream it created with a fresh id as well', async () => {
    const runner = remembering();
    const streamId = `capped-${randomUUID()}`;
    await inTx(() => runner.run(streamId, { type: 'Add', by: 1 }, aMetadata(), { freshId: true }));

    const sent = await sentDuring(() => inTx(() => runner.run(streamId, { type: 'Add', by: 1 }, aMetadata())));

    expect(reads(sent)).toEqual([]);
    expect(await typesOf(streamId)).toEqual([[1, 'Added'], [2, 'Added']]);
  });

  it('is refused when another writer appended in between, and then decides on the stored stream', async () => {
    const runner = remembering();
    const streamId = `capped-${randomUUID()}`;
    await inTx(() => runner.run(streamId, { type: 'Add', by: 2 }, aMetadata()));
    await elsewhere().run(streamId, { type: 'Add', by: 7 }, aMetadata());

    await expect(inTx(() => runner.run(streamId, { type: 'Add', by: 1 }, aMetadata()))).rejects.toBeInstanceOf(ConcurrencyError);
    const retried = await inTx(() => runner.run(streamId, { type: 'Add', by: 1 }, aMetadata()));

    expect(retried).toMatchObject({ state: { total: 10 }, streamVersion: 3 });
    expect(await typesOf(streamId)).toEqual([[1, 'Added'], [2, 'Added'], [3, 'Added']]);
    // Outside a transaction the runner's own retry reads the stream again.
    await elsewhere().run(streamId, { type: 'Reset' }, aMetadata());
    expect(await runner.run(streamId, { type: 'Add', by: 4 }, aMetadata())).toMatchObject({ state: { total: 4 }, streamVersion: 5 });
  });

  it('takes no refusal from a remembered state: the stored stream decides it', async () => {
    const runner = remembering();
    const streamId = `capped-${randomUUID()}`;
    await inTx(() => runner.run(streamId, { type: 'Add', by: 9 }, aMetadata()));
    await elsewhere().run(streamId, { type: 'Reset' }, aMetadata());

    // On the remembered total (9) this would be refused; the stored one (0) accepts it.
    const outcome = await inTx(() => runner.run(streamId, { type: 'Add', by: 5 }, aMetadata()));

    expect(outcome).toMatchObject({ state: { total: 5 }, streamVersion: 3 });
    await expect(inTx(() => runner.run(streamId, { type: 'Add', by: 6 }, aMetadata()))).rejects.toMatchObject({ code: 'TEST.COUNTER.CAPPED' });
  });

  it('takes no no-op from a remembered state either, and remembers the stored state it read', async () => {
    const runner = remembering();
    const streamId = `capped-${randomUUID()}`;
    await inTx(() => runner.run(streamId, { type: 'Add', by: 1 }, aMetadata()));

    const first = await sentDuring(() => inTx(() => runner.run(streamId, { type: 'Add', by: 0 }, aMetadata())));
    const second = await sentDuring(() => inTx(() => runner.run(streamId, { type: 'Add', by: 1 }, aMetadata())));

    expect(reads(first)).toHaveLength(1);
    expect(reads(second)).toEqual([]);
    expect(await typesOf(streamId)).toEqual([[1, 'Added'], [2, 'Added']]);
  });

  it('remembers nothing of a transaction that rolled back', async () => {
    const runner = remembering();
    const streamId = `capped-${randomUUID()}`;
    await inTx(() => runner.run(streamId, { type: 'Add', by: 1 }, aMetadata()));
    await expect(
      inTx(async () => {
        await runner.run(streamId, { type: 'Add', by: 5 }, aMetadata());
        throw new Error('the rest of the work failed');
      }),
    ).rejects.toThrow('the rest of the work failed');

    let outcome: unknown;
    const sent = await sentDuring(() => inTx(async () => (outcome = await runner.run(streamId, { type: 'Add', by: 2 }, aMetadata()))));

    expect(reads(sent)).toHaveLength(1);
    expect(outcome).toMatchObject({ state: { total: 3 }, streamVersion: 2 });
  });

  describe('a decision taken on a stream without writing it (loadForDecision)', () => {
    it('reads nothing when the state is remembered, and checks at the COMMIT that the stream stayed there', async () => {
      const runner = remembering();
      const streamId = `capped-${randomUUID()}`;
      await inTx(() => runner.run(streamId, { type: 'Add', by: 2 }, aMetadata()));

      let seen: unknown;
      const sent = await sentDuring(() => inTx(async () => (seen = await runner.loadForDecision(streamId))));

      expect(reads(sent)).toEqual([]);
      expect(sent.filter((query) => !query.includes('pg_notify'))).toEqual([expect.stringMatching(/^START TRANSACTION; SELECT es_expect_appended/)]);
      expect(seen).toEqual({ state: { total: 2 }, streamVersion: 1 });
    });

    it('fails the COMMIT when another writer moved the stream, and the transaction run again reads it', async () => {
      const runner = remembering();
      const streamId = `capped-${randomUUID()}`;
      await inTx(() => runner.run(streamId, { type: 'Add', by: 2 }, aMetadata()));
      await elsewhere().run(streamId, { type: 'Add', by: 5 }, aMetadata());

      await expect(inTx(() => runner.loadForDecision(streamId))).rejects.toBeInstanceOf(ConcurrencyError);
      let seen: unknown;
      const again = await sentDuring(() => inTx(async () => (seen = await runner.loadForDecision(streamId))));

      expect(reads(again)).toHaveLength(1);
      expect(seen).toEqual({ state: { total: 7 }, streamVersion: 2 });
    });

    it('lets the transaction append to the stream it decided on: its own append is no move', async () => {
      const runner = remembering();
      const streamId = `capped-${randomUUID()}`;
      await inTx(() => runner.run(streamId, { type: 'Add', by: 2 }, aMetadata()));

      const sent = await sentDuring(() =>
        inTx(async () => {
          const { state } = await runner.loadForDecision(streamId);
          await runner.run(streamId, { type: 'Add', by: state.total }, aMetadata());
        }),
      );

      expect(reads(sent)).toEqual([]);
      expect(await typesOf(streamId)).toEqual([[1, 'Added'], [2, 'Added']]);
    });

    it('reads the stream when nothing is remembered, or outside a transaction its owner retries whole', async () => {
      const runner = remembering();
      const streamId = `capped-${randomUUID()}`;
      await elsewhere().run(streamId, { type: 'Add', by: 4 }, aMetadata());

      const first = await sentDuring(() => inTx(() => runner.loadForDecision(streamId)));
      const plain = await sentDuring(() => runInTransaction(fx.dataSource, () => runner.loadForDecision(streamId)));
      const remembered = await sentDuring(() => inTx(() => runner.loadForDecision(streamId)));

      expect(reads(first)).toHaveLength(1);
      expect(reads(plain)).toHaveLength(1);
      expect(reads(remembered)).toEqual([]);
    });
  });

  describe('within one transaction', () => {
    it('decides a later command on the state an earlier one of the transaction left, without reading the stream again', async () => {
      const runner = elsewhere(); // remembering across transactions is not needed for this
      const streamId = `capped-${randomUUID()}`;
      await runner.run(streamId, { type: 'Add', by: 1 }, aMetadata());

      let outcome: unknown;
      const sent = await sentDuring(() =>
        inTx(async () => {
          await runner.run(streamId, { type: 'Add', by: 2 }, aMetadata());
          outcome = await runner.run(streamId, { type: 'Add', by: 3 }, aMetadata());
        }),
      );

      expect(reads(sent)).toHaveLength(1);
      expect(outcome).toMatchObject({ state: { total: 6 }, streamVersion: 3 });
      expect(await typesOf(streamId)).toEqual([[1, 'Added'], [2, 'Added'], [3, 'Added']]);
    });

    it('refuses a later command on that state too', async () => {
      const runner = remembering();
      const streamId = `capped-${randomUUID()}`;

      await expect(
        inTx(async () => {
          await runner.run(streamId, { type: 'Add', by: 9 }, aMetadata(), { freshId: true });
          await runner.run(streamId, { type: 'Add', by: 5 }, aMetadata());
        }),
      ).rejects.toMatchObject({ code: 'TEST.COUNTER.CAPPED' });
      expect(await typesOf(streamId)).toEqual([]);
    });

    it('keeps the states of one transaction from another', async () => {
      const runner = elsewhere();
      const streamId = `capped-${randomUUID()}`;
      await inTx(() => runner.run(streamId, { type: 'Add', by: 4 }, aMetadata()));
      await elsewhere().run(streamId, { type: 'Reset' }, aMetadata());

      // The first transaction's state (4) would refuse this; the stored one (0) accepts it.
      const outcome = await inTx(() => runner.run(streamId, { type: 'Add', by: 8 }, aMetadata()));

      expect(outcome).toMatchObject({ state: { total: 8 }, streamVersion: 3 });
    });
  });
});
