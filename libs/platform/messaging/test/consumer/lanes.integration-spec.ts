import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { eventually } from '@brigade/testing';
import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { JetStreamContext, contextStreamName, laneByField } from '../../src';
import { APP, ConsumerHarness, TestEvent, startRecorder } from './support/consumer-harness';
import { EffectPayload, RESTAURANT_CLOSED, SCRIPT, Script, recordEffect } from './support/recording.consumer';

const RESTAURANT_CREATED = 'restaurants.restaurant.created.v1';
const SAGA = laneByField('probe-saga', 'sagaId');

/** Two durables (`lane-a`, `lane-b`) whose messages share a lane, as a saga's verdicts do. */
@Controller()
class LaneProbe {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(SCRIPT) private readonly script: Script,
  ) {}

  @EventPattern(RESTAURANT_CLOSED, { handler: 'lane-a', lane: SAGA })
  onClosed(@Payload() data: EffectPayload, @Ctx() ctx: JetStreamContext): Promise<void> {
    return recordEffect(this.dataSource, this.script, data, ctx);
  }

  @EventPattern(RESTAURANT_CREATED, { handler: 'lane-b', lane: SAGA })
  onCreated(@Payload() data: EffectPayload, @Ctx() ctx: JetStreamContext): Promise<void> {
    return recordEffect(this.dataSource, this.script, data, ctx);
  }
}

// A lane keeps messages of different durables that write the same thing (one saga) from running
// at once, without holding a database connection while they wait.
describe('JetStream consumer: lanes across durables', () => {
  let harness: ConsumerHarness;

  beforeAll(async () => {
    harness = await ConsumerHarness.open('consumer_lanes');
  });

  afterAll(async () => {
    await harness?.close();
  });

  const event = (subject: string, sagaId: string): TestEvent => ({ subject, eventId: randomUUID(), aggregateId: randomUUID(), n: 1, payload: { sagaId } });

  /**
   * `first` (on lane-a) is held inside its transaction while `second` (on lane-b) arrives: what
   * `second` has done by then, once it has been delivered and, when it may run (`mayRun`), run.
   */
  async function secondWhileFirstHeld(first: TestEvent, second: TestEvent, mayRun: boolean) {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let firstStarted = false;
    const ns = await harness.namespace();
    const recorder = await startRecorder(
      harness,
      ns,
      {
        waitFor: (ctx) => {
          if (ctx.eventId !== first.eventId) return undefined;
          firstStarted = true;
          return gate;
        },
      },
      {},
      [LaneProbe],
    );
    try {
      await harness.publish(ns, first);
      await eventually(() => expect(firstStarted).toBe(true));
      await harness.publish(ns, second);
      if (mayRun) {
        await eventually(async () => expect(await harness.effectsOf([second])).toHaveLength(1));
      } else {
        // Delivered to lane-b and held there, unacked; then a moment in which it could have run.
        const laneB = () => harness.jsm.consumers.info(contextStreamName(ns, 'restaurants'), `${APP}--lane-b`);
        await eventually(async () => expect((await laneB()).num_ack_pending).toBe(1));
        await delay(300);
      }
      const whileHeld = await harness.effectsOf([second]);
      release();
      await eventually(async () => expect(await harness.effectsOf([first, second])).toHaveLength(2));
      const [firstEffect] = await harness.effectsOf([first]);
      const [secondEffect] = await harness.effectsOf([second]);
      return { whileHeld, firstEffect, secondEffect };
    } finally {
      release();
      await recorder.close();
    }
  }

  it('runs a second durable’s message of the same lane key only after the first committed', async () => {
    const sagaId = randomUUID();
    const { whileHeld, firstEffect, secondEffect } = await secondWhileFirstHeld(event(RESTAURANT_CLOSED, sagaId), event(RESTAURANT_CREATED, sagaId), false);
    expect(whileHeld).toEqual([]);
    expect(secondEffect.startedMs).toBeGreaterThanOrEqual(firstEffect.finishedMs);
  });

  it('splits what piled up into rounds with one message per lane key, each key in arrival order', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const [k1, k2, k3] = [randomUUID(), randomUUID(), randomUUID()];
    const blocker = event(RESTAURANT_CLOSED, randomUUID());
    const piled = [k1, k1, k2, k2, k3, k1].map((key) => event(RESTAURANT_CLOSED, key));
    const ns = await harness.namespace();
    const recorder = await startRecorder(harness, ns, { waitFor: (ctx) => (ctx.eventId === blocker.eventId ? gate : undefined) }, { concurrency: 1 }, [LaneProbe]);
    try {
      await harness.publish(ns, blocker);
      for (const e of piled) await harness.publish(ns, e);
      const info = () => harness.jsm.consumers.info(contextStreamName(ns, 'restaurants'), `${APP}--lane-a`);
      await eventually(async () => expect((await info()).num_ack_pending).toBe(piled.length + 1));
      release();
      await eventually(async () => expect(await harness.effectsOf(piled)).toHaveLength(piled.length), { timeoutMs: 20_000 });
      const rows: Array<{ event_id: string; tx: string; id: number }> = await harness.db.query(
        'SELECT event_id, xmin::text AS tx, id FROM test_effects WHERE event_id = ANY($1) ORDER BY id',
        [piled.map((e) => e.eventId)],
      );
      const txOf = (e: TestEvent) => rows.find((row) => row.event_id === e.eventId)?.tx;
      // Round 1: the first message of each key together; then k1's and k2's second, then k1's third.
      expect(new Set([piled[0], piled[2], piled[4]].map(txOf)).size).toBe(1);
      expect(new Set([piled[1], piled[3]].map(txOf)).size).toBe(1);
      expect(new Set(piled.map(txOf)).size).toBe(3);
      expect(rows.map((row) => row.event_id).filter((id) => [piled[0], piled[1], piled[5]].some((e) => e.eventId === id))).toEqual(
        [piled[0], piled[1], piled[5]].map((e) => e.eventId),
      );
    } finally {
      release();
      await recorder.close();
    }
  });

  it('runs messages of other lane keys alongside', async () => {
    const { whileHeld } = await secondWhileFirstHeld(event(RESTAURANT_CLOSED, randomUUID()), event(RESTAURANT_CREATED, randomUUID()), true);
    expect(whileHeld).toHaveLength(1);
  });
});
