import { setTimeout as sleep } from 'node:timers/promises';
import { createTestDatabase, gate } from '@brigade/testing';
import { Client } from 'pg';
import { GlobalPosition, runInTransaction } from '../src';
import { StoreFixture, aMetadata, openStoreFixture } from './store-fixture';

const WRITERS = 8;
const EVENTS_PER_WRITER = 640; // 5,120 in all

function compare(a: GlobalPosition, b: GlobalPosition): number {
  const tx = BigInt(a.transactionId) - BigInt(b.transactionId);
  if (tx !== 0n) return tx < 0n ? -1 : 1;
  const seq = BigInt(a.sequence) - BigInt(b.sequence);
  return seq === 0n ? 0 : seq < 0n ? -1 : 1;
}

describe('EventStore.readAll: a global order that never skips', () => {
  let fx: StoreFixture;
  beforeAll(async () => {
    fx = await openStoreFixture('global_order', 24);
  });
  afterAll(() => fx.close());

  it('delivers every event of 8 writers with randomly delayed commits exactly once, never behind a position already read', async () => {
    let writing = true;
    const appended = new Set<string>();

    const writer = async (w: number) => {
      for (let i = 0; i < EVENTS_PER_WRITER; i++) {
        await runInTransaction(fx.dataSource, async () => {
          await fx.store.append(`writer-${w}-${i % 16}`, 'counter', [{ type: 'Incremented', data: { by: 1 } }], 'any', aMetadata());
          await sleep(Math.random() * 3); // commit late, after others that started later
        });
      }
    };

    const seen = new Map<string, number>();
    const subscriber = async () => {
      let after: GlobalPosition | undefined;
      let backwards = 0;
      for (;;) {
        const done = !writing; // decided before reading, so the last pass sees everything
        const batch = await fx.store.readAll({ after, limit: 500 });
        for (const event of batch) {
          if (after && compare(event.position, after) <= 0) backwards++;
          seen.set(event.eventId, (seen.get(event.eventId) ?? 0) + 1);
          after = event.position;
        }
        if (batch.length === 0) {
          if (done) return backwards;
          await sleep(1);
        }
      }
    };

    // A reader ordering by the insert sequence alone: shows the workload really commits out of order.
    const naiveSeen = new Set<string>();
    const naiveReader = async () => {
      let last = '0';
      while (writing) {
        const rows: Array<{ event_id: string; sequence: string }> = await fx.dataSource.query(
          'SELECT event_id, sequence::text AS sequence FROM es_events WHERE sequence > $1 ORDER BY es_events.sequence LIMIT 500',
          [last],
        );
        for (const row of rows) naiveSeen.add(row.event_id);
        if (rows.length) last = rows[rows.length - 1].sequence;
        else await sleep(1);
      }
    };

    const reading = subscriber();
    const naive = naiveReader();
    await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
    const all: Array<{ event_id: string }> = await fx.dataSource.query('SELECT event_id FROM es_events');
    all.forEach((r) => appended.add(r.event_id));
    writing = false;
    const backwards = await reading;
    await naive;

    expect(appended.size).toBe(WRITERS * EVENTS_PER_WRITER);
    expect(backwards).toBe(0);
    expect(seen.size).toBe(appended.size);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
    expect([...appended].every((id) => seen.has(id))).toBe(true);
    expect(naiveSeen.size).toBeLessThan(appended.size); // the naive reader skipped late commits
  });

  it('orders positions as numbers, not as text, across events of one transaction', async () => {
    const start = (await fx.store.readAll({ limit: 100_000 })).at(-1)?.position;
    const events = Array.from({ length: 12 }, (_, i) => ({ type: 'Incremented', data: { by: i + 1 } }));
    await fx.store.append('twelve-in-one', 'counter', events, 0, aMetadata());

    const read = [];
    for (let after = start, batch; (batch = await fx.store.readAll({ after, limit: 5 })).length; after = batch.at(-1)?.position) {
      read.push(...batch);
    }

    expect(read.map((e) => e.streamVersion)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('holds back events committed behind a transaction that is still in flight', async () => {
    const olderMayCommit = gate();
    const appendedInOlder = gate();
    const start = (await fx.store.readAll({ limit: 100_000 })).at(-1)?.position;

    const older = runInTransaction(fx.dataSource, async () => {
      await fx.store.append('held-back-older', 'counter', [{ type: 'Incremented', data: { by: 1 } }], 'any', aMetadata());
      appendedInOlder.open();
      await olderMayCommit.opened;
    });
    await appendedInOlder.opened;
    await fx.store.append('held-back-newer', 'counter', [{ type: 'Incremented', data: { by: 2 } }], 'any', aMetadata());

    expect(await fx.store.readPage({ after: start, limit: 100 })).toEqual({ events: [], heldBack: true });
    olderMayCommit.open();
    await older;
    const visible = await fx.store.readPage({ after: start, limit: 100 });
    expect(visible.events.map((e) => e.streamId)).toEqual(['held-back-older', 'held-back-newer']);
    expect(visible.heldBack).toBe(false);
  });

  it('does not wait for transactions in flight in other databases of the server', async () => {
    const elsewhere = await createTestDatabase('global_order_elsewhere');
    const otherWriter = new Client({ connectionString: elsewhere.url });
    await otherWriter.connect();
    try {
      const start = (await fx.store.readAll({ limit: 100_000 })).at(-1)?.position;
      await otherWriter.query('BEGIN');
      await otherWriter.query('SELECT pg_current_xact_id()'); // holds an xid below the next append's
      await fx.store.append('not-held-back', 'counter', [{ type: 'Incremented', data: { by: 1 } }], 'any', aMetadata());

      const visible = await fx.store.readAll({ after: start, limit: 100 });

      expect(visible.map((e) => e.streamId)).toEqual(['not-held-back']);
    } finally {
      await otherWriter.query('ROLLBACK');
      await otherWriter.end();
      await elsewhere.drop();
    }
  });
});
