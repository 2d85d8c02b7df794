import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { currentManager } from '@brigade/event-store';
import { createTestDatabase, TestDatabase } from '@brigade/testing';
import { DataSource } from 'typeorm';
import { inboxMigrations } from '../../src';
import { ConsumedEvent } from '../../src/lib/consumer/consumed-event';
import { HandlerGroup } from '../../src/lib/consumer/handler-groups';
import { attemptBatch, attemptMessage } from '../../src/lib/consumer/message-pipeline';
import { CreateTestEffects1700000009000 } from './support/test-effects.migration';

const SUBJECT = 'restaurants.restaurant.opened.v1';
const aRuleError = () => Object.assign(new Error('no longer possible'), { code: 'TEST.RULE', kind: 'rule' });
const DURABLE = 'recorder--pipeline';

/** One attempt's unit of work, as the consumer and a dead-letter replay both run it. */
describe('Message pipeline: one attempt at one event', () => {
  let database: TestDatabase;
  let db: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('message_pipeline');
    db = new DataSource({ type: 'postgres', url: database.url, migrations: [...inboxMigrations, CreateTestEffects1700000009000], extra: { max: 6 } });
    await db.initialize();
    await db.runMigrations();
  });

  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  /** A handler that writes its effect, then lingers before its transaction commits. */
  function slowGroup(lingerMs: number): HandlerGroup {
    return {
      handler: 'pipeline',
      durable: DURABLE,
      context: 'restaurants',
      stream: 'unused',
      filterSubject: SUBJECT,
      handlers: [
        {
          pattern: SUBJECT,
          handler: 'pipeline',
          callback: async (data: unknown, context: { getArgs(): unknown[] }) => {
            const [event] = context.getArgs() as [ConsumedEvent];
            await currentManager(db).query(
              `INSERT INTO test_effects (event_id, aggregate_id, n, handler, attempt, replay, started_ms, finished_ms) VALUES ($1, $2, $3, 'pipeline', 1, false, 0, 0)`,
              [event.eventId, event.aggregateId, (data as { n: number }).n],
            );
            await sleep(lingerMs);
          },
        },
      ],
    };
  }

  function anEvent(): ConsumedEvent {
    const eventId = randomUUID();
    return {
      eventId,
      subject: SUBJECT,
      aggregateId: randomUUID(),
      streamVersion: 1,
      metadata: { correlationId: eventId, causationId: null, actor: { id: 'tester', role: 'admin' }, occurredAt: '2030-01-01T12:00:00.000Z' },
      data: { n: 1 },
      headers: {},
      streamSequence: 1,
    };
  }

  const delivery = { consumer: DURABLE, attempt: 1, deliveryCount: 1, replay: false };

  it('applies an event once when two attempts at it run at the same time; the later one answers duplicate', async () => {
    const event = anEvent();
    const group = slowGroup(150);

    const outcomes = await Promise.all([
      attemptMessage(db, group, event, delivery, { takeOverParked: false }),
      attemptMessage(db, group, event, { ...delivery, replay: true }, { takeOverParked: true }),
    ]);

    expect(outcomes.map((o) => o.result).sort()).toEqual(['duplicate', 'processed']);
    expect(await db.query('SELECT n FROM test_effects WHERE event_id = $1', [event.eventId])).toEqual([{ n: 1 }]);
    expect(await db.query('SELECT outcome FROM msg_inbox WHERE event_id = $1', [event.eventId])).toEqual([{ outcome: 'processed' }]);
  });

  it('answers duplicate and rolls the handler back when the inbox already holds an answer', async () => {
    const event = anEvent();
    await attemptMessage(db, slowGroup(0), event, delivery, { takeOverParked: false });

    const again = await attemptMessage(db, slowGroup(0), event, delivery, { takeOverParked: false });

    expect(again).toEqual({ result: 'duplicate' });
    expect(await db.query('SELECT count(*)::int AS runs FROM test_effects WHERE event_id = $1', [event.eventId])).toEqual([{ runs: 1 }]);
  });

  it('answers duplicate, not rejected, when a redelivered event meets a domain error after it was processed', async () => {
    const event = anEvent();
    await attemptMessage(db, slowGroup(0), event, delivery, { takeOverParked: false });
    const refusing = { ...slowGroup(0), handlers: [{ ...slowGroup(0).handlers[0], callback: async () => Promise.reject(aRuleError()) }] };

    const again = await attemptMessage(db, refusing, event, delivery, { takeOverParked: false });

    expect(again).toEqual({ result: 'duplicate' });
    expect(await db.query('SELECT outcome FROM msg_inbox WHERE event_id = $1', [event.eventId])).toEqual([{ outcome: 'processed' }]);
  });

  it('writes the inbox row last, so the transaction takes its xid at its first real write', async () => {
    const event = anEvent();
    let xidBeforeHandler: unknown = 'unread';
    const group = slowGroup(0);
    const probing: HandlerGroup = {
      ...group,
      handlers: [
        {
          ...group.handlers[0],
          callback: async (data: unknown, context: { getArgs(): unknown[] }) => {
            [{ xid: xidBeforeHandler }] = await currentManager(db).query('SELECT pg_current_xact_id_if_assigned()::text AS xid');
            return group.handlers[0].callback(data, context as never);
          },
        },
      ],
    };

    await attemptMessage(db, probing, event, delivery, { takeOverParked: false });

    expect(xidBeforeHandler).toBeNull();
  });

  describe('a batch: several events in one transaction, all or nothing', () => {
    const effectsOf = async (events: readonly ConsumedEvent[]) =>
      (await db.query('SELECT event_id FROM test_effects WHERE event_id = ANY($1)', [events.map((e) => e.eventId)])).length;
    const marksOf = async (events: readonly ConsumedEvent[]) =>
      (await db.query('SELECT event_id FROM msg_inbox WHERE consumer = $1 AND event_id = ANY($2)', [DURABLE, events.map((e) => e.eventId)])).length;
    const itemsOf = (group: HandlerGroup, events: readonly ConsumedEvent[]) => events.map((event) => ({ group, event, delivery }));

    /** slowGroup, with each handler also running `before` first. */
    function withBefore(before: (event: ConsumedEvent) => Promise<void>): HandlerGroup {
      const group = slowGroup(0);
      const callback = async (data: unknown, context: { getArgs(): unknown[] }) => {
        await before((context.getArgs() as [ConsumedEvent])[0]);
        return group.handlers[0].callback(data, context as never);
      };
      return { ...group, handlers: [{ ...group.handlers[0], callback }] };
    }

    it('commits every event and its inbox row in one transaction', async () => {
      const events = [anEvent(), anEvent(), anEvent()];
      const transactions = new Set<string>();
      const group = withBefore(async () => {
        const [{ xid }] = await currentManager(db).query('SELECT pg_current_xact_id()::text AS xid');
        transactions.add(xid);
      });

      expect(await attemptBatch(db, itemsOf(group, events))).toEqual({ committed: true });
      expect(transactions.size).toBe(1);
      expect(await effectsOf(events)).toBe(3);
      expect(await marksOf(events)).toBe(3);
    });

    it('writes nothing when one event meets a domain error: each is then attempted on its own', async () => {
      const events = [anEvent(), anEvent(), anEvent()];
      const group = withBefore(async (event) => {
        if (event.eventId === events[1].eventId) throw aRuleError();
      });

      const result = await attemptBatch(db, itemsOf(group, events));

      expect(result).toEqual({ committed: false, reason: 'no longer possible' });
      expect(await effectsOf(events)).toBe(0);
      expect(await marksOf(events)).toBe(0);
    });

    it('writes nothing when one event was answered before (a redelivery)', async () => {
      const events = [anEvent(), anEvent()];
      await attemptMessage(db, slowGroup(0), events[1], delivery, { takeOverParked: false });

      const result = await attemptBatch(db, itemsOf(slowGroup(0), events));

      expect(result.committed).toBe(false);
      expect(await effectsOf([events[0]])).toBe(0);
      expect(await marksOf([events[0]])).toBe(0);
      expect(await effectsOf([events[1]])).toBe(1);
    });

    it('gives up a lock held elsewhere after a short wait instead of waiting for deadlock detection', async () => {
      const events = [anEvent(), anEvent()];
      const holder = db.createQueryRunner();
      await holder.startTransaction();
      try {
        await holder.query('SELECT pg_advisory_xact_lock(4242)');
        const group = withBefore(async () => {
          await currentManager(db).query('SELECT pg_advisory_xact_lock(4242)');
        });
        const startedAt = Date.now();

        const result = await attemptBatch(db, itemsOf(group, events));

        expect(result.committed).toBe(false);
        expect(Date.now() - startedAt).toBeLessThan(900);
        expect(await effectsOf(events)).toBe(0);
      } finally {
        await holder.rollbackTransaction();
        await holder.release();
      }
    });
  });
});
