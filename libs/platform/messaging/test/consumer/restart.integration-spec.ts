import { eventually } from '@brigade/testing';
import type { NatsConnection } from '@nats-io/transport-node';
import { ConsumerHarness, RecorderApp, TestEvent, interleavedEvents, startRecorder } from './support/consumer-harness';
import { MENU_REVISED } from './support/recording.consumer';

// Stopping or crashing a consumer mid-stream loses nothing, applies nothing twice, and the next
// incarnation continues every aggregate in order (it rewinds its durable to the ack floor).
describe('JetStream consumer: restarts', () => {
  let harness: ConsumerHarness;

  beforeAll(async () => {
    harness = await ConsumerHarness.open('consumer_restart');
  });

  afterAll(async () => {
    await harness?.close();
  });

  const settings = { concurrency: 4, maxAckPending: 64 };
  const slowly = { delayMs: () => 2 + Math.floor(Math.random() * 5) };

  it('continues after a graceful close that left fetched messages unacked', async () => {
    const ns = await harness.namespace();
    const events = interleavedEvents(MENU_REVISED, 10, 30);
    const first = await startRecorder(harness, ns, slowly, settings);
    for (const event of events) await harness.publish(ns, event);
    await eventually(async () => expect((await harness.effectsOf(events)).length).toBeGreaterThanOrEqual(60));
    await first.close();

    const done = (await harness.effectsOf(events)).length;
    expect(done).toBeLessThan(events.length);
    expect((await harness.consumerInfo(ns)).ackPending).toBeGreaterThan(0); // what the next one must not skip

    const second = await startRecorder(harness, ns, slowly, settings);
    try {
      await expectEachAppliedOnceInOrder(events, second);
      expect(second.outcomes.filter((o) => o.outcome === 'processed')).toHaveLength(events.length - done);
    } finally {
      await second.close();
    }
  });

  it('continues after a crash between commits and acks, without applying anything twice', async () => {
    const ns = await harness.namespace();
    const events = interleavedEvents(MENU_REVISED, 10, 30);
    let commits = 0;
    const first: RecorderApp = await startRecorder(
      harness,
      ns,
      {
        ...slowly,
        // The connection dies right after the 50th commit: that ack (and the ones of every
        // handler still running) never reach JetStream.
        committed: () => {
          if (++commits === 50) void first.server.unwrap<NatsConnection>().close();
        },
      },
      settings,
    );
    for (const event of events) await harness.publish(ns, event);
    await eventually(() => expect(first.server.unwrap<NatsConnection>().isClosed()).toBe(true));
    await first.close();
    const applied = new Set((await harness.effectsOf(events)).map((e) => e.eventId));
    expect((await harness.consumerInfo(ns)).ackPending).toBeGreaterThan(0);

    const second = await startRecorder(harness, ns, slowly, settings);
    try {
      await expectEachAppliedOnceInOrder(events, second);
      const redelivered = second.outcomes.filter((o) => o.outcome === 'duplicate');
      expect(redelivered.length).toBeGreaterThan(0);
      for (const o of redelivered) expect(applied).toContain(o.eventId);
    } finally {
      await second.close();
    }
  });

  async function expectEachAppliedOnceInOrder(events: TestEvent[], recorder: RecorderApp): Promise<void> {
    await eventually(async () => expect(await harness.effectsOf(events)).toHaveLength(events.length), { timeoutMs: 20_000 });
    await eventually(async () => expect(await harness.consumerInfo(recorder.server.settings.namespace)).toEqual({ ackPending: 0, pending: 0 }));
    const effects = await harness.effectsOf(events);
    expect(new Set(effects.map((e) => e.eventId)).size).toBe(events.length);
    const expected = new Map<string, number[]>();
    for (const e of events) expected.set(e.aggregateId, [...(expected.get(e.aggregateId) ?? []), e.n]);
    const seen = new Map<string, number[]>();
    for (const e of effects) seen.set(e.aggregateId, [...(seen.get(e.aggregateId) ?? []), e.n]);
    expect(seen).toEqual(expected);
  }
});
