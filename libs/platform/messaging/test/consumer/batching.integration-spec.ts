import { randomUUID } from 'node:crypto';
import { eventually, gate } from '@brigade/testing';
import { ConsumerHarness, TestEvent, startRecorder } from './support/consumer-harness';
import { MENU_REVISED, aDomainError } from './support/recording.consumer';

// When messages arrive faster than a durable's transactions finish, it processes several (one
// per aggregate) in one transaction; a batch that cannot commit as a whole is done one by one.
describe('JetStream consumer: batches under load', () => {
  let harness: ConsumerHarness;

  beforeAll(async () => {
    harness = await ConsumerHarness.open('consumer_batching');
  });

  afterAll(async () => {
    await harness?.close();
  });

  const oneEventEach = (aggregates: number): TestEvent[] =>
    Array.from({ length: aggregates }, () => ({ subject: MENU_REVISED, eventId: randomUUID(), aggregateId: randomUUID(), n: 1 }));

  /** Transactions that wrote these events' effects (rows inserted by one transaction share its xmin). */
  async function transactionsOf(events: readonly TestEvent[]): Promise<number> {
    const [{ transactions }] = await harness.db.query('SELECT count(DISTINCT xmin::text)::int AS transactions FROM test_effects WHERE event_id = ANY($1)', [
      events.map((e) => e.eventId),
    ]);
    return transactions;
  }

  /** A recorder with one transaction slot, held by `blocker` until the others have all been delivered. */
  async function pileUpBehind(blocker: TestEvent, others: readonly TestEvent[], refused?: TestEvent) {
    const blockerHeld = gate();
    const ns = await harness.namespace();
    const recorder = await startRecorder(
      harness,
      ns,
      {
        waitFor: (ctx) => (ctx.eventId === blocker.eventId ? blockerHeld.opened : undefined),
        failure: (ctx) => (ctx.eventId === refused?.eventId ? aDomainError() : null),
      },
      { concurrency: 1 },
    );
    await harness.publish(ns, blocker);
    for (const event of others) await harness.publish(ns, event);
    await eventually(async () => expect((await harness.consumerInfo(ns)).ackPending).toBe(others.length + 1));
    blockerHeld.open();
    await eventually(() => expect(recorder.outcomes).toHaveLength(others.length + 1), { timeoutMs: 20_000 });
    return recorder;
  }

  it('processes what piled up in one transaction, each message still acked with its own outcome', async () => {
    const [blocker, ...others] = oneEventEach(21);
    const recorder = await pileUpBehind(blocker, others);
    try {
      expect(recorder.outcomes.every((o) => o.outcome === 'processed')).toBe(true);
      expect(await harness.effectsOf([blocker, ...others])).toHaveLength(21);
      expect(await transactionsOf(others)).toBe(1);
      await eventually(async () => expect(await harness.consumerInfo(recorder.server.settings.namespace)).toEqual({ ackPending: 0, pending: 0 }));
    } finally {
      await recorder.close();
    }
  });

  it('falls back to one message per transaction when one of the batch is refused: the others are processed, it is rejected', async () => {
    const [blocker, ...others] = oneEventEach(11);
    const refused = others[4];
    const recorder = await pileUpBehind(blocker, others, refused);
    try {
      const outcomeOf = (event: TestEvent) => recorder.outcomes.find((o) => o.eventId === event.eventId)?.outcome;
      expect(outcomeOf(refused)).toBe('rejected');
      expect(others.filter((e) => e !== refused).map(outcomeOf)).toEqual(Array(9).fill('processed'));
      expect((await harness.effectsOf(others)).map((e) => e.eventId).sort()).toEqual(others.filter((e) => e !== refused).map((e) => e.eventId).sort());
      expect(await harness.inboxOutcome(refused.eventId)).toBe('rejected');
      expect(await transactionsOf(others)).toBe(9);
    } finally {
      await recorder.close();
    }
  });
});
