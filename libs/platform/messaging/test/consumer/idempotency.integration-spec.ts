import { randomUUID } from 'node:crypto';
import { eventually } from '@brigade/testing';
import type { NatsConnection } from '@nats-io/transport-node';
import { APP, ConsumerHarness, startRecorder } from './support/consumer-harness';
import { MENU_REVISED, RESTAURANT_CLOSED, RESTAURANT_OPENED, aDomainError } from './support/recording.consumer';

// A consumer's effect happens once per event id, whatever JetStream delivers how often.
describe('JetStream consumer: idempotency', () => {
  let harness: ConsumerHarness;

  beforeAll(async () => {
    harness = await ConsumerHarness.open('consumer_idempotency');
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('applies an event published twice under different msg ids once', async () => {
    const ns = await harness.namespace();
    const recorder = await startRecorder(harness, ns, {});
    try {
      const eventId = randomUUID();
      const aggregateId = randomUUID();
      const followUp = randomUUID();
      await harness.publish(ns, { subject: RESTAURANT_OPENED, eventId, aggregateId, n: 1, msgId: 'first-copy' });
      await harness.publish(ns, { subject: RESTAURANT_OPENED, eventId, aggregateId, n: 1, msgId: 'second-copy' });
      await harness.publish(ns, { subject: MENU_REVISED, eventId: followUp, aggregateId, n: 2 });

      await eventually(() => expect(recorder.outcomes.map((o) => o.outcome)).toEqual(['processed', 'duplicate', 'processed']));
      expect((await harness.effects('aggregate_id = $1', [aggregateId])).map((e) => e.n)).toEqual([1, 2]);
      expect(recorder.outcomes[1]).toMatchObject({ eventId, outcome: 'duplicate', consumer: `${APP}--record` });
    } finally {
      await recorder.close();
    }
  });

  it('acks processed messages together after ackDelayMs, and sends the waiting acks when it stops', async () => {
    const ns = await harness.namespace();
    const recorder = await startRecorder(harness, ns, {}, { ackDelayMs: 2_000 });
    let closed = false;
    try {
      const aggregateId = randomUUID();
      await harness.publish(ns, { subject: RESTAURANT_OPENED, eventId: randomUUID(), aggregateId, n: 1 });
      await harness.publish(ns, { subject: MENU_REVISED, eventId: randomUUID(), aggregateId, n: 2 });
      await eventually(() => expect(recorder.outcomes.map((o) => o.outcome)).toEqual(['processed', 'processed']));
      expect((await harness.consumerInfo(ns)).ackPending).toBe(2); // committed, their acks waiting

      await recorder.close();
      closed = true;
      expect(await harness.consumerInfo(ns)).toEqual({ ackPending: 0, pending: 0 }); // sent on the way out, not lost
    } finally {
      if (!closed) await recorder.close();
    }
  });

  it('applies an event once when the process dies after the commit and before the ack (real redelivery)', async () => {
    const ns = await harness.namespace();
    const eventId = randomUUID();
    const aggregateId = randomUUID();
    let crashed = false;
    // The connection dies right after the handler's transaction committed: the ack never leaves.
    const first = await startRecorder(harness, ns, {
      committed: (ctx) => {
        if (ctx.eventId !== eventId || crashed) return;
        crashed = true;
        void first.server.unwrap<NatsConnection>().close();
      },
    });
    await harness.publish(ns, { subject: RESTAURANT_OPENED, eventId, aggregateId, n: 1 });
    await eventually(async () => expect(await harness.effects('event_id = $1', [eventId])).toHaveLength(1));
    await eventually(() => expect(first.server.unwrap<NatsConnection>().isClosed()).toBe(true));
    await first.close();
    expect(first.outcomes).toEqual([expect.objectContaining({ eventId, outcome: 'processed' })]);
    expect((await harness.consumerInfo(ns)).ackPending).toBe(1); // committed, never acked

    const second = await startRecorder(harness, ns, {});
    try {
      await eventually(() => expect(second.outcomes).toEqual([expect.objectContaining({ eventId, outcome: 'duplicate' })]));
      expect(await harness.effects('event_id = $1', [eventId])).toHaveLength(1);
      await eventually(async () => expect(await harness.consumerInfo(ns)).toEqual({ ackPending: 0, pending: 0 }));
    } finally {
      await second.close();
    }
  });

  it('acks a domain error as a final answer, records it, and never retries it', async () => {
    const ns = await harness.namespace();
    const refused = randomUUID();
    const aggregateId = randomUUID();
    let calls = 0;
    const recorder = await startRecorder(harness, ns, {
      failure: (ctx) => (ctx.eventId === refused ? (calls++, aDomainError()) : null),
    });
    try {
      await harness.publish(ns, { subject: RESTAURANT_OPENED, eventId: refused, aggregateId, n: 1 });
      await harness.publish(ns, { subject: MENU_REVISED, eventId: randomUUID(), aggregateId, n: 2 });
      await eventually(() => expect(recorder.outcomes.map((o) => o.outcome)).toEqual(['rejected', 'processed']));
      expect(recorder.outcomes[0]).toMatchObject({ attempts: 1, error: expect.stringContaining('TEST.RESTAURANT.NOT_OPENABLE') });
      expect(calls).toBe(1);
      expect(await harness.inboxOutcome(refused)).toBe('rejected');
      expect((await harness.effects('aggregate_id = $1', [aggregateId])).map((e) => e.n)).toEqual([2]);
      // The outcome is reported as the ack is sent; JetStream counts it a moment later.
      await eventually(async () => expect((await harness.consumerInfo(ns)).ackPending).toBe(0));
    } finally {
      await recorder.close();
    }
  });

  it('acks and skips subjects the handler group does not listen to', async () => {
    const ns = await harness.namespace();
    const aggregateId = randomUUID();
    const recorder = await startRecorder(harness, ns, {});
    try {
      await harness.publish(ns, { subject: RESTAURANT_CLOSED, eventId: randomUUID(), aggregateId, n: 1 });
      await harness.publish(ns, { subject: MENU_REVISED, eventId: randomUUID(), aggregateId, n: 2 });
      await eventually(() => expect(recorder.outcomes.map((o) => o.outcome).sort()).toEqual(['processed', 'skipped']));
      expect((await harness.effects('aggregate_id = $1', [aggregateId])).map((e) => e.n)).toEqual([2]);
      await eventually(async () => expect((await harness.consumerInfo(ns)).ackPending).toBe(0));
    } finally {
      await recorder.close();
    }
  });
});
