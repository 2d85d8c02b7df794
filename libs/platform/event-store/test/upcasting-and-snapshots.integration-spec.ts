import { randomUUID } from 'node:crypto';
import { CommandRunner, Upcaster } from '../src';
import { counterDecider } from './counter.decider';
import { StoreFixture, aMetadata, openStoreFixture } from './store-fixture';

describe('EventStore schema evolution and snapshots', () => {
  let fx: StoreFixture;
  beforeAll(async () => {
    fx = await openStoreFixture('upcasting');
  });
  afterAll(() => fx.close());

  it('raises old events through the upcaster chain on read and writes new ones at the current version', async () => {
    const streamId = `counter-${randomUUID()}`;
    await fx.store.append(streamId, 'counter', [{ type: 'Incremented', data: { amount: 5 } }], 0, aMetadata());
    const v1ToV2: Upcaster = { eventType: 'Incremented', fromVersion: 1, upcast: (d) => ({ by: d['amount'] }) };
    const v2ToV3: Upcaster = { eventType: 'Incremented', fromVersion: 2, upcast: (d) => ({ ...d, unit: 'each' }) };
    const upcasting = fx.newStore({ upcasters: [v2ToV3, v1ToV2] });

    await upcasting.append(streamId, 'counter', [{ type: 'Incremented', data: { by: 1, unit: 'each' } }], 1, aMetadata());

    const events = await upcasting.readStream(streamId);
    expect(events.map((e) => [e.schemaVersion, e.data])).toEqual([
      [3, { by: 5, unit: 'each' }],
      [3, { by: 1, unit: 'each' }],
    ]);
    const [raw] = await fx.dataSource.query('SELECT schema_version FROM es_events WHERE stream_id = $1 AND stream_version = 2', [streamId]);
    expect(raw.schema_version).toBe(3);
  });

  it('loads from the latest snapshot and ignores a snapshot of another format', async () => {
    const streamId = `counter-${randomUUID()}`;
    const runner = new CommandRunner(fx.store, counterDecider, { streamType: 'counter', snapshot: { every: 5, schemaVersion: 1 } });
    for (let i = 0; i < 12; i++) await runner.run(streamId, { type: 'Increment', by: 1 }, aMetadata());

    const snapshot = await fx.store.loadSnapshot(streamId);
    expect(snapshot).toMatchObject({ streamVersion: 10, schemaVersion: 1, state: { total: 10, increments: 10 } });

    // Mark the snapshot so that a load that uses it can be told apart from a full replay.
    await fx.dataSource.query(`UPDATE es_snapshots SET state = '{"total": 1000, "increments": 10}' WHERE stream_id = $1`, [streamId]);
    expect(await runner.load(streamId)).toEqual({ state: { total: 1002, increments: 12 }, streamVersion: 12 });

    const newFormat = new CommandRunner(fx.store, counterDecider, { streamType: 'counter', snapshot: { every: 5, schemaVersion: 2 } });
    expect(await newFormat.load(streamId)).toEqual({ state: { total: 12, increments: 12 }, streamVersion: 12 });
  });

  it('loads from a snapshot taken at the last event, with no event after it', async () => {
    const streamId = `counter-${randomUUID()}`;
    const runner = new CommandRunner(fx.store, counterDecider, { streamType: 'counter', snapshot: { every: 5, schemaVersion: 1 } });
    for (let i = 0; i < 5; i++) await runner.run(streamId, { type: 'Increment', by: 2 }, aMetadata());
    await fx.dataSource.query(`UPDATE es_snapshots SET state = '{"total": 500, "increments": 5}' WHERE stream_id = $1`, [streamId]);

    expect(await runner.load(streamId)).toEqual({ state: { total: 500, increments: 5 }, streamVersion: 5 });
  });

  it('leaves the stream untouched when the decider refuses the command', async () => {
    const streamId = `counter-${randomUUID()}`;
    const runner = new CommandRunner(fx.store, counterDecider, { streamType: 'counter' });

    await expect(runner.run(streamId, { type: 'Increment', by: 0 }, aMetadata())).rejects.toMatchObject({ code: 'TEST.COUNTER.NOT_POSITIVE' });
    expect(await fx.store.readStream(streamId)).toEqual([]);
  });
});
