import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { eventually, gate } from '@brigade/testing';
import { Controller, Inject, Type } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { JetStreamContext, Lane, contextStreamName, laneByField } from '../../src';
import { APP, ConsumerHarness, TestEvent, startRecorder } from './support/consumer-harness';
import { EffectPayload, RESTAURANT_CLOSED, SCRIPT, Script, aDomainError, recordEffect } from './support/recording.consumer';

const RESTAURANT_CREATED = 'restaurants.restaurant.created.v1';
/**
 * Two durables (`<prefix>-a` on restaurant closed, `<prefix>-b` on restaurant created) whose
 * messages share `lane`, as a saga's verdicts do.
 */
function laneProbe(prefix: string, lane: Lane): Type<unknown> {
  @Controller()
  class LaneProbe {
    constructor(
      private readonly dataSource: DataSource,
      @Inject(SCRIPT) private readonly script: Script,
    ) {}

    @EventPattern(RESTAURANT_CLOSED, { handler: `${prefix}-a`, lane })
    onClosed(@Payload() data: EffectPayload, @Ctx() ctx: JetStreamContext): Promise<void> {
      return recordEffect(this.dataSource, this.script, data, ctx);
    }

    @EventPattern(RESTAURANT_CREATED, { handler: `${prefix}-b`, lane })
    onCreated(@Payload() data: EffectPayload, @Ctx() ctx: JetStreamContext): Promise<void> {
      return recordEffect(this.dataSource, this.script, data, ctx);
    }
  }
  return LaneProbe;
}

const LaneProbe = laneProbe('lane', laneByField('probe-saga', 'sagaId'));
/** On a lane whose messages of one key may share a transaction (a saga's verdicts). */
const OneTransactionProbe = laneProbe('together', laneByField('probe-together', 'sagaId', { oneTransaction: true }));

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
    const firstHeld = gate();
    let firstStarted = false;
    const ns = await harness.namespace();
    const recorder = await startRecorder(
      harness,
      ns,
      {
        waitFor: (ctx) => {
          if (ctx.eventId !== first.eventId) return undefined;
          firstStarted = true;
          return firstHeld.opened;
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
      firstHeld.open();
      await eventually(async () => expect(await harness.effectsOf([first, second])).toHaveLength(2));
      const [firstEffect] = await harness.effectsOf([first]);
      const [secondEffect] = await harness.effectsOf([second]);
      return { whileHeld, firstEffect, secondEffect };
    } finally {
      firstHeld.open();
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
    const blockerHeld = gate();
    const [k1, k2, k3] = [randomUUID(), randomUUID(), randomUUID()];
    const blocker = event(RESTAURANT_CLOSED, randomUUID());
    const piled = [k1, k1, k2, k2, k3, k1].map((key) => event(RESTAURANT_CLOSED, key));
    const ns = await harness.namespace();
    const recorder = await startRecorder(harness, ns, { waitFor: (ctx) => (ctx.eventId === blocker.eventId ? blockerHeld.opened : undefined) }, { concurrency: 1 }, [LaneProbe]);
    try {
      await harness.publish(ns, blocker);
      for (const e of piled) await harness.publish(ns, e);
      const info = () => harness.jsm.consumers.info(contextStreamName(ns, 'restaurants'), `${APP}--lane-a`);
      await eventually(async () => expect((await info()).num_ack_pending).toBe(piled.length + 1));
      blockerHeld.open();
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
      blockerHeld.open();
      await recorder.close();
    }
  });

  it('runs messages of other lane keys alongside', async () => {
    const { whileHeld } = await secondWhileFirstHeld(event(RESTAURANT_CLOSED, randomUUID()), event(RESTAURANT_CREATED, randomUUID()), true);
    expect(whileHeld).toHaveLength(1);
  });

  describe('whose messages of one key may share a transaction', () => {
    const txOf = async (table: 'test_effects' | 'msg_inbox', e: TestEvent) =>
      ((await harness.db.query(`SELECT xmin::text AS tx FROM ${table} WHERE event_id = $1`, [e.eventId])) as Array<{ tx: string }>)[0]?.tx ?? null;

    /**
     * `blocker` (on together-a) is held inside its transaction while two more messages of its key
     * arrive, one on each durable (the one on together-a of another aggregate, so its partition
     * does not queue it behind the blocker); then the blocker is let go. `refuseOnA`: the handler
     * answers the one on together-a with a DomainError.
     */
    async function twoWaitingBehindOne(refuseOnA: boolean) {
      const blockerHeld = gate();
      let blockerStarted = false;
      const sagaId = randomUUID();
      const [blocker, onB, onA] = [event(RESTAURANT_CLOSED, sagaId), event(RESTAURANT_CREATED, sagaId), event(RESTAURANT_CLOSED, sagaId)];
      const script: Script = {
        waitFor: (ctx) => {
          if (ctx.eventId !== blocker.eventId) return undefined;
          blockerStarted = true;
          return blockerHeld.opened;
        },
        failure: (ctx) => (refuseOnA && ctx.eventId === onA.eventId ? aDomainError() : null),
      };
      const ns = await harness.namespace();
      const recorder = await startRecorder(harness, ns, script, {}, [OneTransactionProbe]);
      try {
        await harness.publish(ns, blocker);
        await eventually(() => expect(blockerStarted).toBe(true));
        await harness.publish(ns, onB);
        await harness.publish(ns, onA);
        const ackPending = async (handler: string) =>
          (await harness.jsm.consumers.info(contextStreamName(ns, 'restaurants'), `${APP}--${handler}`)).num_ack_pending;
        await eventually(async () => expect([await ackPending('together-a'), await ackPending('together-b')]).toEqual([2, 1]));
        blockerHeld.open();
        const outcomes = () => Promise.all([blocker, onB, onA].map((e) => harness.inboxOutcome(e.eventId)));
        await eventually(async () => expect((await outcomes()).every((outcome) => outcome !== null)).toBe(true));
        return {
          outcomes: await outcomes(),
          effects: await Promise.all([blocker, onB, onA].map((e) => txOf('test_effects', e))),
          inbox: await Promise.all([blocker, onB, onA].map((e) => txOf('msg_inbox', e))),
        };
      } finally {
        blockerHeld.open();
        await recorder.close();
      }
    }

    it('runs what waited for the key in one transaction, across durables, each message with its own inbox row', async () => {
      const { outcomes, effects, inbox } = await twoWaitingBehindOne(false);

      expect(outcomes).toEqual(['processed', 'processed', 'processed']);
      const [blockerTx, onBTx, onATx] = effects;
      expect(onBTx).not.toBeNull();
      expect(onATx).toBe(onBTx);
      expect(blockerTx).not.toBe(onBTx);
      expect(inbox).toEqual(effects);
      const consumers: Array<{ consumer: string }> = await harness.db.query('SELECT consumer FROM msg_inbox WHERE xmin::text = $1 ORDER BY consumer', [onBTx]);
      expect(consumers.map((row) => row.consumer)).toEqual([`${APP}--together-a`, `${APP}--together-b`]);
    });

    it('settles a group that failed as a whole message by message, each with its own answer', async () => {
      const { outcomes, effects } = await twoWaitingBehindOne(true);

      expect(outcomes).toEqual(['processed', 'processed', 'rejected']);
      const [, onBTx, onATx] = effects;
      expect(onBTx).not.toBeNull();
      expect(onATx).toBeNull(); // the refusal wrote nothing
    });
  });
});
