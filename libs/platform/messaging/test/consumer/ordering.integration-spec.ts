import { randomUUID } from 'node:crypto';
import { eventually } from '@brigade/testing';
import { contextStreamName } from '../../src';
import { APP, ConsumerHarness, Effect, interleavedEvents, startRecorder } from './support/consumer-harness';
import { MENU_REVISED } from './support/recording.consumer';

// Events of one aggregate are handled one after the other, in publish order; different
// aggregates are handled at the same time, up to the configured concurrency.
describe('JetStream consumer: per-aggregate order with parallelism', () => {
  let harness: ConsumerHarness;

  beforeAll(async () => {
    harness = await ConsumerHarness.open('consumer_ordering');
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('keeps each aggregate in publish order while overlapping different aggregates (bounded)', async () => {
    const ns = await harness.namespace();
    const events = interleavedEvents(MENU_REVISED, 20, 20, 4);
    const recorder = await startRecorder(harness, ns, { delayMs: () => Math.floor(Math.random() * 8) }, { concurrency: 8 });
    try {
      for (const event of events) await harness.publish(ns, event);
      await eventually(async () => expect(await harness.effectsOf(events)).toHaveLength(events.length), { timeoutMs: 30_000 });

      const effects = await harness.effectsOf(events);
      const byAggregate = groupBy(effects, (e) => e.aggregateId);
      expect(byAggregate.size).toBe(20);
      for (const seen of byAggregate.values()) {
        expect(seen.map((e) => e.n)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
        // strictly one after the other: the next one started after the previous one finished
        for (let i = 1; i < seen.length; i++) expect(seen[i].startedMs).toBeGreaterThanOrEqual(seen[i - 1].finishedMs);
      }
      const overlap = maxOverlap(effects);
      expect(overlap).toBeGreaterThanOrEqual(4);
      expect(overlap).toBeLessThanOrEqual(8);
    } finally {
      await recorder.close();
    }
  });

  it('notices a delivery that never arrived and rewinds rather than run later events first', async () => {
    const ns = await harness.namespace();
    const aggregateId = randomUUID();
    const events = [1, 2, 3, 4, 5, 6].map((n) => ({ subject: MENU_REVISED, eventId: randomUUID(), aggregateId, n }));
    const recorder = await startRecorder(harness, ns, {}, { maxAckPending: 3 });
    try {
      // A second client pulls once from the same durable and never acks: for the recorder, that
      // delivery is lost in transit, and JetStream would bring it back only after ack_wait (30 s).
      const stream = contextStreamName(ns, 'restaurants');
      const durable = `${APP}--record`;
      await eventually(async () => expect((await harness.jsm.consumers.info(stream, durable)).num_waiting).toBe(1));
      const thief = await (await harness.js.consumers.get(stream, durable)).fetch({ max_messages: 1, expires: 10_000 });
      const stolen = (async () => {
        const seqs: number[] = [];
        for await (const msg of thief) seqs.push(msg.seq); // pulled, never acked
        return seqs;
      })();
      await eventually(async () => expect((await harness.jsm.consumers.info(stream, durable)).num_waiting).toBe(2));
      for (const event of events) await harness.publish(ns, event);

      const [lost, ...more] = await stolen;
      expect(more).toEqual([]);
      expect(lost).toBeLessThan(6); // a later delivery reaches the recorder and reveals the gap
      await eventually(async () => expect((await harness.effectsOf(events)).map((e) => e.n)).toEqual([1, 2, 3, 4, 5, 6]));
    } finally {
      await recorder.close();
    }
  });
});

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/** The most handler runs that were in progress at the same moment. */
function maxOverlap(effects: Effect[]): number {
  const edges = effects.flatMap((e) => [
    { at: e.startedMs, delta: 1 },
    { at: e.finishedMs, delta: -1 },
  ]);
  edges.sort((x, y) => x.at - y.at || x.delta - y.delta);
  let running = 0;
  let most = 0;
  for (const edge of edges) most = Math.max(most, (running += edge.delta));
  return most;
}
