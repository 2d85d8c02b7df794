import { EventStore, StoredEvent, runInTransaction } from '@brigade/event-store';
import { Headers, Namespace, OutboxRelay, OutboxRelayOptions, connectNats, contextStreamName, formatPosition } from '../../src';
import { TestDatabase, createTestDatabase, eventually, natsUrl, testNamespace } from '@brigade/testing';
import { jetstreamManager } from '@nats-io/jetstream';
import { NatsConnection } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import { LEDGER, LEDGER_STREAM_TYPE, aMetadata, anEntryAudited, anEntryRecorded, entryRecordedV1Subject, mapLedgerEvent } from './support/ledger-events';
import { openLedgerDatabase } from './support/ledger-database';
import { PublishedMessage, exactlyOnceInOrderViolations, readPublished, streamMessageCount } from './support/published-log';
import { LossyNatsProxy } from './support/lossy-nats-proxy';
import { recordingLogger } from './support/recording-logger';

/** Each test gets its own database and namespace: relays never see each other's events or streams. */
interface Ledger {
  readonly db: TestDatabase;
  readonly dataSource: DataSource;
  readonly store: EventStore;
  readonly ns: Namespace;
  readonly streamName: string;
  readonly relays: OutboxRelay[];
}

describe('OutboxRelay', () => {
  let nc: NatsConnection;
  const ledgers: Ledger[] = [];

  beforeAll(async () => {
    nc = await connectNats({ servers: natsUrl(), name: 'relay-spec' });
  });

  afterEach(async () => {
    const jsm = await jetstreamManager(nc);
    for (const ledger of ledgers.splice(0)) {
      for (const relay of ledger.relays) await relay.stop();
      await jsm.streams.delete(ledger.streamName).catch(() => undefined);
      await ledger.dataSource.destroy();
      await ledger.db.drop();
    }
  });

  afterAll(async () => {
    await nc.close();
  });

  async function aLedger(): Promise<Ledger> {
    const db = await createTestDatabase('relay');
    const dataSource = await openLedgerDatabase(db.url);
    const ns = testNamespace();
    const ledger = { db, dataSource, store: new EventStore(dataSource), ns, streamName: contextStreamName(ns, LEDGER), relays: [] };
    ledgers.push(ledger);
    return ledger;
  }

  function aRelay(ledger: Ledger, { nats = nc, ...options }: Partial<OutboxRelayOptions> & { nats?: NatsConnection } = {}): OutboxRelay {
    const relay = new OutboxRelay(ledger.dataSource, nats, {
      context: LEDGER,
      namespace: ledger.ns,
      mapEvent: mapLedgerEvent,
      logger: recordingLogger(),
      ...options,
    });
    ledger.relays.push(relay);
    return relay;
  }

  /** Generous timeout: a write transaction in any database of the shared server holds back every reader's horizon. */
  async function published(ledger: Ledger, count: number): Promise<PublishedMessage[]> {
    return eventually(
      async () => {
        const messages = await readPublished(nc, ledger.streamName);
        expect(messages.length).toBe(count);
        return messages;
      },
      { timeoutMs: 30_000, intervalMs: 50 },
    );
  }

  it('publishes mapped events of many streams in per-stream order with their metadata in headers, and skips internal ones', async () => {
    const ledger = await aLedger();
    const metadata = aMetadata({ causationId: 'cause-1' });
    await ledger.store.append('entry-a', LEDGER_STREAM_TYPE, [anEntryRecorded(10), anEntryAudited(), anEntryRecorded(11)], 0, metadata);
    await ledger.store.append('entry-b', LEDGER_STREAM_TYPE, [anEntryRecorded(20)], 0, metadata);
    await ledger.store.append('entry-a', LEDGER_STREAM_TYPE, [anEntryRecorded(12)], 3, metadata);
    await ledger.store.append('entry-b', LEDGER_STREAM_TYPE, [anEntryRecorded(21)], 1, metadata);
    const stored = await visibleEvents(ledger, 6);

    const relay = aRelay(ledger);
    await relay.start();
    const messages = await published(ledger, 5);

    const recorded = stored.filter((e) => e.type === 'EntryRecorded');
    expect(messages.map((m) => m.headers[Headers.MsgId])).toEqual(recorded.map((e) => e.eventId));
    expect(messages.map((m) => `${m.headers[Headers.AggregateId]}@${m.headers[Headers.StreamVersion]}`)).toEqual([
      'entry-a@1', 'entry-a@3', 'entry-b@1', 'entry-a@4', 'entry-b@2',
    ]);
    expect(messages[0]).toEqual(expectedMessage(ledger.ns, recorded[0]));
    expect(messages.map((m) => m.payload)).toEqual([10, 11, 20, 12, 21].map((amount, i) => ({ entryId: recorded[i].streamId, amount })));
    await eventually(() => expect(relay.status).toMatchObject({ publishedCount: 5, skippedCount: 1, caughtUp: true, position: stored[5].position }));
  });

  it('keeps its checkpoint across a restart and publishes only what is new', async () => {
    const ledger = await aLedger();
    await ledger.store.append('entry-a', LEDGER_STREAM_TYPE, [anEntryRecorded(), anEntryRecorded()], 0, aMetadata());
    const first = aRelay(ledger);
    await first.start();
    await published(ledger, 2);
    await ledger.store.append('entry-a', LEDGER_STREAM_TYPE, [anEntryAudited()], 2, aMetadata());
    await eventually(() => expect(first.status.skippedCount).toBe(1));
    await first.stop();
    const [lastEvent] = (await ledger.store.readAll({ limit: 10 })).slice(-1);
    expect(await checkpointOf(ledger)).toBe(formatPosition(lastEvent.position));

    await ledger.store.append('entry-a', LEDGER_STREAM_TYPE, [anEntryRecorded()], 3, aMetadata());
    const second = aRelay(ledger);
    await second.start();
    const messages = await published(ledger, 3);

    expect(messages.map((m) => m.headers[Headers.StreamVersion])).toEqual(['1', '2', '4']);
    await eventually(() => expect(second.status).toMatchObject({ publishedCount: 1, skippedCount: 0, caughtUp: true, consecutiveFailures: 0 }));
  });

  it('resumes from the stream, not the checkpoint, when the checkpoint lags behind what was published', async () => {
    const ledger = await aLedger();
    await ledger.store.append('entry-a', LEDGER_STREAM_TYPE, [anEntryRecorded(), anEntryRecorded()], 0, aMetadata());
    const first = aRelay(ledger);
    await first.start();
    await published(ledger, 2);
    await first.stop();
    // As if the relay crashed after JetStream acked the batch but before the checkpoint was saved.
    await ledger.dataSource.query('DELETE FROM msg_relay_checkpoints');

    await ledger.store.append('entry-a', LEDGER_STREAM_TYPE, [anEntryRecorded()], 2, aMetadata());
    const second = aRelay(ledger, { stream: { duplicateWindowMs: 100 } });
    await second.start();
    await published(ledger, 3);

    await eventually(() => expect(second.status).toMatchObject({ publishedCount: 1, caughtUp: true, lastError: null }));
    expect(await streamMessageCount(nc, ledger.streamName)).toBe(3);
  });

  it('never lets a message overtake one lost mid-batch: the rest of the batch is refused, then republished in order', async () => {
    const ledger = await aLedger();
    for (let version = 0; version < 40; version += 2) {
      await ledger.store.append('entry-a', LEDGER_STREAM_TYPE, [anEntryRecorded(), anEntryRecorded()], version, aMetadata());
    }
    const proxy = await LossyNatsProxy.start(natsUrl(), ledger.ns.subjectPrefix);
    const lossy = await connectNats({ servers: proxy.url, name: 'relay-behind-lossy-proxy' });
    try {
      proxy.losePublishes(10, 5); // messages 11-15 of the first batch never reach the server
      const relay = aRelay(ledger, { nats: lossy, publishTimeoutMs: 300, retryInitialMs: 10 });
      await relay.start();

      const messages = await published(ledger, 40);

      expect(proxy.pendingDrops).toBe(0);
      expect(messages.map((m) => Number(m.headers[Headers.StreamVersion]))).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      await relay.stop();
    } finally {
      await lossy.close();
      await proxy.close();
    }
  });

  it('stays exactly-once and in order with two relays running at once (e.g. during a rolling deploy)', async () => {
    const ledger = await aLedger();
    const both = { stream: { duplicateWindowMs: 100 }, batchSize: 50, retryInitialMs: 5, retryMaxMs: 50 };
    await Promise.all([aRelay(ledger, both).start(), aRelay(ledger, both).start()]);
    for (let version = 0; version < 200; version += 2) {
      await Promise.all(
        ['entry-a', 'entry-b', 'entry-c'].map((id) => ledger.store.append(id, LEDGER_STREAM_TYPE, [anEntryRecorded(), anEntryRecorded()], version, aMetadata())),
      );
    }

    const messages = await published(ledger, 600);

    const stored = await visibleEvents(ledger, 600);
    const expected = new Map(stored.map((e) => [e.eventId, { aggregateId: e.streamId, version: e.streamVersion }]));
    expect(exactlyOnceInOrderViolations(messages, expected)).toEqual([]);
  });

  it('is woken by NOTIFY: an append by another process is on the stream long before the safety poll, also after its LISTEN connection was dropped', async () => {
    const ledger = await aLedger();
    const relay = aRelay(ledger, { safetyPollMs: 30_000 });
    await relay.start();
    await eventually(() => expect(relay.status.caughtUp).toBe(true));
    // Another DataSource stands for another process: only PostgreSQL's NOTIFY can reach the relay.
    const otherProcess = await openLedgerDatabase(ledger.db.url, 1);

    try {
      const latencies = await appendAndTime(ledger, new EventStore(otherProcess), 6, async (i) => {
        if (i === 3) await dropListenConnection(ledger);
      });
      // Typically tens of ms; the margin absorbs other test files' transactions on the shared server.
      expect(Math.max(...latencies)).toBeLessThan(2_000);
    } finally {
      await otherProcess.destroy();
    }
  });

  it('is woken in-process by appends through its own DataSource, without LISTEN', async () => {
    const ledger = await aLedger();
    const relay = aRelay(ledger, { safetyPollMs: 30_000, listen: false });
    await relay.start();
    await eventually(() => expect(relay.status.caughtUp).toBe(true));

    const latencies = await appendAndTime(ledger, ledger.store, 3);

    expect(Math.max(...latencies)).toBeLessThan(2_000);
  });

  it('takes the page a commit in its process read right after the COMMIT: no read of its own', async () => {
    const ledger = await aLedger();
    const relayStore = new EventStore(ledger.dataSource);
    const reads = jest.spyOn(relayStore, 'readPage');
    const relay = aRelay(ledger, { store: relayStore, safetyPollMs: 30_000, listen: false, checkpointIntervalMs: 2_000 });
    await relay.start();
    await eventually(() => expect(relay.status.caughtUp).toBe(true));
    const before = reads.mock.calls.length;

    await appendAndTime(ledger, ledger.store, 3, undefined, (append) => runInTransaction(ledger.dataSource, append));

    expect(reads.mock.calls.length).toBe(before);
    expect((await published(ledger, 3)).map((m) => m.headers[Headers.StreamVersion])).toEqual(['1', '2', '3']);
  });

  /** Appends one event at a time while the relay is idle; milliseconds until each is on the stream. */
  async function appendAndTime(
    ledger: Ledger,
    store: EventStore,
    count: number,
    before?: (i: number) => Promise<void>,
    around: (append: () => Promise<unknown>) => Promise<unknown> = (append) => append(),
  ): Promise<number[]> {
    const latencies: number[] = [];
    for (let i = 0; i < count; i++) {
      await before?.(i);
      await new Promise((resolve) => setTimeout(resolve, 300)); // idle again: quick re-polls are over
      const appendedAt = Date.now();
      await around(() => store.append('entry-a', LEDGER_STREAM_TYPE, [anEntryRecorded()], i, aMetadata()));
      await eventually(async () => expect(await streamMessageCount(nc, ledger.streamName)).toBe(i + 1), { intervalMs: 5 });
      latencies.push(Date.now() - appendedAt);
    }
    return latencies;
  }

  /** readAll only shows what no older transaction (in any database of the server) still hides. */
  async function visibleEvents(ledger: Ledger, count: number): Promise<StoredEvent[]> {
    return eventually(async () => {
      const events = await ledger.store.readAll({ limit: 1_000 });
      expect(events.length).toBe(count);
      return events;
    });
  }

  async function checkpointOf(ledger: Ledger): Promise<string | null> {
    const rows = await ledger.dataSource.query(
      `SELECT transaction_id::text || ':' || sequence AS position FROM msg_relay_checkpoints WHERE relay_name = $1`,
      [ledger.streamName],
    );
    return rows[0]?.position ?? null;
  }

  async function dropListenConnection(ledger: Ledger): Promise<void> {
    const [{ dropped }] = await ledger.dataSource.query(
      `SELECT count(pg_terminate_backend(pid))::int AS dropped FROM pg_stat_activity
       WHERE datname = $1 AND application_name = 'brigade-relay-listen'`,
      [ledger.db.name],
    );
    expect(dropped).toBe(1);
  }
});

function expectedMessage(ns: Namespace, event: StoredEvent): PublishedMessage {
  return {
    sequence: 1,
    subject: `${ns.subjectPrefix}${entryRecordedV1Subject}`,
    headers: {
      [Headers.MsgId]: event.eventId,
      [Headers.EventId]: event.eventId,
      [Headers.EventType]: 'EntryRecorded',
      [Headers.AggregateId]: event.streamId,
      [Headers.StreamVersion]: String(event.streamVersion),
      [Headers.Position]: formatPosition(event.position),
      [Headers.CorrelationId]: event.metadata.correlationId,
      [Headers.CausationId]: 'cause-1',
      [Headers.Actor]: JSON.stringify(event.metadata.actor),
      [Headers.OccurredAt]: event.metadata.occurredAt,
      'Nats-Expected-Last-Sequence': '0',
      'Nats-Expected-Stream': contextStreamName(ns, LEDGER),
    },
    payload: { entryId: event.streamId, amount: 10 },
  };
}
