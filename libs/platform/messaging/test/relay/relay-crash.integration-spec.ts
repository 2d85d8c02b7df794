import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStore } from '@brigade/event-store';
import { Headers, connectNats, contextStreamName } from '../../src';
import { NatsServer, TestDatabase, createTestDatabase, eventually, startNatsServer, testNamespace } from '@brigade/testing';
import { NatsConnection } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import { LEDGER, LEDGER_STREAM_TYPE, aMetadata, anEntryRecorded } from './support/ledger-events';
import { openLedgerDatabase } from './support/ledger-database';
import { ExpectedEvent, PublishedMessage, exactlyOnceInOrderViolations, readPublished, streamMessageCount } from './support/published-log';
import { RelayChild } from './support/relay-child';

const WRITERS = 4;
const STREAMS_PER_WRITER = 50;
const APPENDS_PER_STREAM = 25;
const EVENTS_PER_APPEND = 2;
const TOTAL = WRITERS * STREAMS_PER_WRITER * APPENDS_PER_STREAM * EVENTS_PER_APPEND; // 10,000

describe('OutboxRelay under crashes and broker restarts', () => {
  let nats: NatsServer;
  let db: TestDatabase;
  let dataSource: DataSource;
  let nc: NatsConnection;
  let relay: RelayChild;
  let logFile: string;
  let passed = false;
  const ns = testNamespace();
  const streamName = contextStreamName(ns, LEDGER);

  beforeAll(async () => {
    [nats, db] = await Promise.all([startNatsServer(), createTestDatabase('relay_crash')]);
    dataSource = await openLedgerDatabase(db.url, 8);
    nc = await connectNats({ servers: nats.url, name: 'relay-crash-spec', reconnectTimeWaitMs: 100 });
    logFile = join(mkdtempSync(join(tmpdir(), 'brigade-relay-')), 'relay.log');
    relay = new RelayChild(
      { DATABASE_URL: db.url, NATS_URL: nats.url, SUBJECT_PREFIX: ns.subjectPrefix, DUPLICATE_WINDOW_MS: '100' },
      logFile,
    );
  });

  afterAll(async () => {
    await relay?.crash();
    await nc?.close();
    await dataSource?.destroy();
    await db?.drop();
    await nats?.stop();
    if (passed && !process.env.KEEP_RELAY_LOG) rmSync(join(logFile, '..'), { recursive: true, force: true });
    else console.warn(`relay log kept at ${logFile}`);
  });

  it('publishes 10,000 events exactly once and in per-stream order through relay crashes and NATS restarts', async () => {
    relay.start();
    const writing = writeLedger(new EventStore(dataSource));

    await publishedAtLeast(1_000);
    await relay.crash(); // SIGKILL: mid-batch or between batches, checkpoint possibly behind the stream
    relay.start();

    await publishedAtLeast((await publishedAtLeast(0)) + 300); // the restarted relay is busy with its backlog
    nats.kill(); // broker crash: pipelined publishes in flight are lost, later ones must be refused
    await pause(1_000);
    await nats.start();

    await publishedAtLeast(4_000);
    await relay.crash();
    await pause(1_000); // a backlog builds up
    relay.start();
    await publishedAtLeast((await publishedAtLeast(0)) + 300);
    await nats.stop(); // graceful broker restart this time
    await pause(500);
    await nats.start();

    await publishedAtLeast(7_000);
    await relay.crash();
    await nats.stop(); // the relay comes back while the broker is still away
    relay.start();
    await pause(3_000);
    await nats.start();

    await publishedAtLeast(8_500);
    await relay.crash();
    relay.start();

    await writing;
    await eventually(async () => expect(await streamMessageCount(nc, streamName)).toBeGreaterThanOrEqual(TOTAL), { timeoutMs: 60_000, intervalMs: 100 });
    await relay.stop();

    const published = await readPublished(nc, streamName);
    expect(published.length).toBe(TOTAL);
    expect(exactlyOnceInOrderViolations(published, await storedEvents())).toEqual([]);
    expect(readFileSync(logFile, 'utf8')).toContain('relay round failed'); // the faults did hit the relay
    passed = true;
  });

  describe('the exactly-once-in-order check', () => {
    const expected = new Map<string, ExpectedEvent>([
      ['e1', { aggregateId: 'a', version: 1 }],
      ['e2', { aggregateId: 'b', version: 1 }],
      ['e3', { aggregateId: 'a', version: 2 }],
    ]);
    const message = (sequence: number, id: string): PublishedMessage => {
      const { aggregateId, version } = expected.get(id) ?? { aggregateId: 'x', version: 1 };
      return { sequence, subject: 's', payload: {}, headers: { [Headers.MsgId]: id, [Headers.AggregateId]: aggregateId, [Headers.StreamVersion]: String(version) } };
    };

    it('accepts every event once in store order', () => {
      expect(exactlyOnceInOrderViolations([message(1, 'e1'), message(2, 'e2'), message(3, 'e3')], expected)).toEqual([]);
    });

    it('catches a swapped pair, a duplicate, a missing and an unexpected event', () => {
      expect(exactlyOnceInOrderViolations([message(1, 'e3'), message(2, 'e2'), message(3, 'e1')], expected)).not.toEqual([]);
      expect(exactlyOnceInOrderViolations([message(1, 'e1'), message(2, 'e2'), message(3, 'e3'), message(4, 'e3')], expected)).not.toEqual([]);
      expect(exactlyOnceInOrderViolations([message(1, 'e1'), message(2, 'e3')], expected)).not.toEqual([]);
      expect(exactlyOnceInOrderViolations([message(1, 'e1'), message(2, 'e2'), message(3, 'e3'), message(4, 'e9')], expected)).not.toEqual([]);
    });
  });

  /** Writers append concurrently, each to its own streams round-robin, two events per append. */
  async function writeLedger(store: EventStore): Promise<void> {
    await Promise.all(
      Array.from({ length: WRITERS }, async (_, w) => {
        for (let round = 0; round < APPENDS_PER_STREAM; round++) {
          for (let s = 0; s < STREAMS_PER_WRITER; s++) {
            const events = Array.from({ length: EVENTS_PER_APPEND }, () => anEntryRecorded());
            await store.append(`entry-${w}-${s}`, LEDGER_STREAM_TYPE, events, round * EVENTS_PER_APPEND, aMetadata());
            await pause(2);
          }
        }
      }),
    );
  }

  async function storedEvents(): Promise<Map<string, ExpectedEvent>> {
    const rows: { event_id: string; stream_id: string; stream_version: number }[] = await dataSource.query(
      'SELECT event_id, stream_id, stream_version FROM es_events',
    );
    expect(rows).toHaveLength(TOTAL);
    return new Map(rows.map((r) => [r.event_id, { aggregateId: r.stream_id, version: r.stream_version }]));
  }

  async function publishedAtLeast(count: number): Promise<number> {
    return eventually(
      async () => {
        const n = await streamMessageCount(nc, streamName);
        expect(n).toBeGreaterThanOrEqual(count);
        return n;
      },
      { timeoutMs: 60_000, intervalMs: 20 },
    );
  }
});

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
