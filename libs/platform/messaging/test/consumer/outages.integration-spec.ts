import { NatsServer, adminDatabaseUrl, eventually, startNatsServer } from '@brigade/testing';
import { Client } from 'pg';
import { ConsumerHarness, TestEvent, interleavedEvents, startRecorder } from './support/consumer-harness';
import { MENU_REVISED } from './support/recording.consumer';

// An outage of the database or the broker is nobody's message's fault: nothing is parked or
// lost meanwhile, and afterwards every event is applied once, each aggregate in order.
describe('JetStream consumer: outages', () => {
  let nats: NatsServer;
  let harness: ConsumerHarness;

  beforeAll(async () => {
    nats = await startNatsServer();
    harness = await ConsumerHarness.open('consumer_outages', { natsUrl: nats.url });
  });

  afterAll(async () => {
    await harness?.close();
    await nats?.stop();
  });

  const quickRetries = { retry: { attempts: 2, initialDelayMs: 20, maxDelayMs: 200 }, concurrency: 4 };
  const slowly = { delayMs: () => 2 + Math.floor(Math.random() * 5) };

  it('holds messages while the database refuses connections instead of parking them', async () => {
    const ns = await harness.namespace();
    const events = interleavedEvents(MENU_REVISED, 3, 10);
    const recorder = await startRecorder(harness, ns, {}, quickRetries);
    try {
      await refuseConnections(harness.database.name, true);
      for (const event of events) await harness.publish(ns, event);
      // Far longer than the retry budget (2 attempts, 20 ms apart) of every one of them.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(recorder.outcomes).toEqual([]);

      await refuseConnections(harness.database.name, false);
      await expectEachAppliedOnceInOrder(events);
      expect(recorder.outcomes.map((o) => o.outcome)).toEqual(events.map(() => 'processed'));
    } finally {
      await refuseConnections(harness.database.name, false);
      await recorder.close();
    }
  });

  it('recovers from a broker crash mid-stream: nothing lost, nothing applied twice, order kept', async () => {
    const ns = await harness.namespace();
    const events = interleavedEvents(MENU_REVISED, 10, 20);
    const recorder = await startRecorder(harness, ns, slowly, quickRetries);
    try {
      for (const event of events) await harness.publish(ns, event);
      await eventually(async () => expect((await harness.effectsOf(events)).length).toBeGreaterThanOrEqual(40));
      nats.kill();
      await new Promise((resolve) => setTimeout(resolve, 300));
      await nats.start();

      await expectEachAppliedOnceInOrder(events);
      expect(recorder.outcomes.filter((o) => o.outcome === 'parked')).toEqual([]);
    } finally {
      await recorder.close();
    }
  });

  async function expectEachAppliedOnceInOrder(events: TestEvent[]): Promise<void> {
    await eventually(async () => expect(await harness.effectsOf(events)).toHaveLength(events.length), { timeoutMs: 30_000 });
    const effects = await harness.effectsOf(events);
    expect(new Set(effects.map((e) => e.eventId)).size).toBe(events.length);
    const expected = new Map<string, number[]>();
    for (const e of events) expected.set(e.aggregateId, [...(expected.get(e.aggregateId) ?? []), e.n]);
    const seen = new Map<string, number[]>();
    for (const e of effects) seen.set(e.aggregateId, [...(seen.get(e.aggregateId) ?? []), e.n]);
    expect(seen).toEqual(expected);
  }
});

/** A database outage as the app sees it: existing sessions cut, new ones refused. */
async function refuseConnections(database: string, refuse: boolean): Promise<void> {
  const admin = new Client({ connectionString: adminDatabaseUrl() });
  await admin.connect();
  try {
    await admin.query(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS ${refuse ? 'false' : 'true'}`);
    if (refuse) await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [database]);
  } finally {
    await admin.end();
  }
}
