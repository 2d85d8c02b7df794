import { EventStore } from '@brigade/event-store';
import { OutboxRelay, connectNats, contextStreamName } from '../../src';
import { PostgresServer, eventually, natsUrl, startPostgresServer, testNamespace } from '@brigade/testing';
import { jetstreamManager } from '@nats-io/jetstream';
import { NatsConnection } from '@nats-io/transport-node';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { LEDGER, LEDGER_STREAM_TYPE, aMetadata, anEntryRecorded, mapLedgerEvent } from './support/ledger-events';
import { openLedgerDatabase } from './support/ledger-database';
import { ExpectedEvent, exactlyOnceInOrderViolations, readPublished, streamMessageCount } from './support/published-log';
import { recordingLogger } from './support/recording-logger';

const WRITERS = 2;
const STREAMS_PER_WRITER = 20;
const APPENDS_PER_STREAM = 25;
const EVENTS_PER_APPEND = 2;
const TOTAL = WRITERS * STREAMS_PER_WRITER * APPENDS_PER_STREAM * EVENTS_PER_APPEND; // 2,000

describe('OutboxRelay when PostgreSQL goes away', () => {
  let pg: PostgresServer;
  let dataSource: DataSource;
  let nc: NatsConnection;
  let relay: OutboxRelay;
  const logger = recordingLogger();
  const ns = testNamespace();
  const streamName = contextStreamName(ns, LEDGER);

  beforeAll(async () => {
    pg = await startPostgresServer();
    const admin = new Client({ connectionString: pg.url() });
    await admin.connect();
    await admin.query('CREATE DATABASE ledger');
    await admin.end();
    dataSource = await openLedgerDatabase(pg.url('ledger'));
    nc = await connectNats({ servers: natsUrl(), name: 'relay-pg-outage-spec' });
    relay = new OutboxRelay(dataSource, nc, {
      context: LEDGER,
      namespace: ns,
      mapEvent: mapLedgerEvent,
      logger,
      retryMaxMs: 500,
      safetyPollMs: 200,
      stream: { duplicateWindowMs: 100 }, // exactly-once must not lean on deduplication
    });
  });

  afterAll(async () => {
    await relay?.stop();
    await (await jetstreamManager(nc)).streams.delete(streamName).catch(() => undefined);
    await nc?.close();
    await dataSource?.destroy().catch(() => undefined);
    await pg?.stop();
  });

  it('publishes every event once and in order through two database outages', async () => {
    await relay.start();
    const writing = writeLedger(new EventStore(dataSource));

    await publishedAtLeast(400);
    await outage(1_500);
    await publishedAtLeast(1_200);
    await outage(1_000);

    await writing;
    await eventually(async () => expect(await streamMessageCount(nc, streamName)).toBeGreaterThanOrEqual(TOTAL), { timeoutMs: 30_000, intervalMs: 50 });
    await relay.stop();

    const published = await readPublished(nc, streamName);
    expect(published.length).toBe(TOTAL);
    expect(exactlyOnceInOrderViolations(published, await storedEvents())).toEqual([]);
    expect(logger.entries).toContainEqual(expect.objectContaining({ msg: 'relay recovered' })); // the outages did hit the relay
  });

  async function outage(ms: number): Promise<void> {
    await pg.stop();
    await new Promise((resolve) => setTimeout(resolve, ms));
    await pg.start();
  }

  /** Appends survive the outage by retrying with the same event ids (a repeated append is a no-op). */
  async function writeLedger(store: EventStore): Promise<void> {
    await Promise.all(
      Array.from({ length: WRITERS }, async (_, w) => {
        for (let round = 0; round < APPENDS_PER_STREAM; round++) {
          for (let s = 0; s < STREAMS_PER_WRITER; s++) {
            const events = Array.from({ length: EVENTS_PER_APPEND }, () => anEntryRecorded());
            await eventually(() => store.append(`entry-${w}-${s}`, LEDGER_STREAM_TYPE, events, round * EVENTS_PER_APPEND, aMetadata()), {
              timeoutMs: 20_000,
              intervalMs: 100,
            });
            await new Promise((resolve) => setTimeout(resolve, 2));
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

  async function publishedAtLeast(count: number): Promise<void> {
    await eventually(async () => expect(await streamMessageCount(nc, streamName)).toBeGreaterThanOrEqual(count), { timeoutMs: 30_000, intervalMs: 20 });
  }
});
