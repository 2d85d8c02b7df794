import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { currentManager, runInTransaction } from '@brigade/event-store';
import { TestDatabase, createTestDatabase, eventually } from '@brigade/testing';
import { Deadline, DeadlineRunner, Deadlines, sagaMigrations } from '../src';

describe('saga deadlines', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let deadlines: Deadlines;
  const runners: DeadlineRunner[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('deadlines');
    dataSource = new DataSource({ type: 'postgres', url: db.url, migrations: sagaMigrations, extra: { max: 8 } });
    await dataSource.initialize();
    await dataSource.runMigrations();
    await dataSource.query('CREATE TABLE fired (saga text NOT NULL, saga_id text NOT NULL)');
    deadlines = new Deadlines(dataSource);
  });
  afterEach(async () => {
    for (const runner of runners.splice(0)) await runner.stop();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  /** The handler's effect: a row in `fired`, written in the deadline's transaction. */
  const recordFiring = async (d: Deadline) => {
    await currentManager(dataSource).query('INSERT INTO fired (saga, saga_id) VALUES ($1, $2)', [d.saga, d.sagaId]);
  };
  const firings = async (saga: string): Promise<Record<string, number>> => {
    const rows: Array<{ saga_id: string; n: number }> = await dataSource.query(
      'SELECT saga_id, count(*)::integer AS n FROM fired WHERE saga = $1 GROUP BY saga_id',
      [saga],
    );
    return Object.fromEntries(rows.map((r) => [r.saga_id, r.n]));
  };
  // It never polls here: every firing below is woken by a due time it read or heard of.
  const aRunner = (saga: string, handle = recordFiring, retryMs = 1_000, idleCheckMs = 600_000) => {
    const runner = new DeadlineRunner(dataSource, { saga, handle, idleCheckMs, retryMs });
    runners.push(runner);
    return runner;
  };
  const soon = (ms = 100) => new Date(Date.now() + ms);

  it('fires a deadline set before a restart, once, when it is due', async () => {
    const saga = `restart-${randomUUID()}`;
    await runInTransaction(dataSource, () => deadlines.schedule(saga, 'order-1', soon(150)));
    const before = aRunner(saga);
    before.start();
    await before.stop(); // the process goes away before the deadline is due

    aRunner(saga).start(); // a new process
    await eventually(async () => expect(await firings(saga)).toEqual({ 'order-1': 1 }));
    expect(await deadlines.pending(saga)).toEqual([]);
  });

  it('never fires a deadline whose saga step rolled back', async () => {
    const saga = `rollback-${randomUUID()}`;
    await expect(
      runInTransaction(dataSource, async () => {
        await deadlines.schedule(saga, 'order-1', soon(0));
        throw new Error('the saga step failed');
      }),
    ).rejects.toThrow('the saga step failed');

    expect(await aRunner(saga).fireDue()).toBe(0);
    expect(await deadlines.pending(saga)).toEqual([]);
  });

  it('fires each of 60 due deadlines exactly once with two runners competing', async () => {
    const saga = `competing-${randomUUID()}`;
    const ids = Array.from({ length: 60 }, (_, i) => `order-${i}`);
    for (const id of ids) await deadlines.schedule(saga, id, soon(0));
    const slowly = async (d: Deadline) => {
      await sleep(Math.random() * 5);
      await recordFiring(d);
    };

    aRunner(saga, slowly).start();
    aRunner(saga, slowly).start();

    await eventually(async () => expect(Object.keys(await firings(saga))).toHaveLength(60));
    expect(Object.values(await firings(saga)).every((n) => n === 1)).toBe(true);
  });

  it('retries a failing handler later, with the failed attempt’s effects rolled back', async () => {
    const saga = `failing-${randomUUID()}`;
    let calls = 0;
    const failsOnce = async (d: Deadline) => {
      calls++;
      await recordFiring(d);
      if (calls === 1) throw new Error('database hiccup');
    };
    await deadlines.schedule(saga, 'order-1', soon(0));

    aRunner(saga, failsOnce, 50).start();

    await eventually(async () => expect(await firings(saga)).toEqual({ 'order-1': 1 }));
    expect(calls).toBe(2);
  });

  it('does not fire a cancelled deadline, nor one not yet due', async () => {
    const saga = `cancelled-${randomUUID()}`;
    await deadlines.schedule(saga, 'cancelled', soon(0));
    await deadlines.schedule(saga, 'later', soon(60_000));
    await runInTransaction(dataSource, () => deadlines.cancel(saga, 'cancelled'));

    expect(await aRunner(saga).fireDue()).toBe(0);
    expect((await deadlines.pending(saga)).map((d) => d.sagaId)).toEqual(['later']);
  });

  it('wakes for a deadline set in this process once its transaction commits, without polling', async () => {
    const saga = `woken-${randomUUID()}`;
    const runner = aRunner(saga);
    runner.start();
    await sleep(100); // it found nothing and sleeps for its idle check (10 minutes here)

    await runInTransaction(dataSource, async () => {
      await deadlines.schedule(saga, 'order-1', soon(200));
      await sleep(300); // due before the commit: it must not fire before, nor be missed after
      expect(await firings(saga)).toEqual({});
    });

    await eventually(async () => expect(await firings(saga)).toEqual({ 'order-1': 1 }), { timeoutMs: 3_000 });
  });

  it('finds a deadline another process set at its idle check', async () => {
    const saga = `elsewhere-${randomUUID()}`;
    aRunner(saga, recordFiring, 1_000, 300).start();
    await sleep(100);

    // Written as another process would: nothing in this one hears of it.
    await dataSource.query('INSERT INTO saga_deadlines (saga, saga_id, due_at) VALUES ($1, $2, now())', [saga, 'order-1']);

    await eventually(async () => expect(await firings(saga)).toEqual({ 'order-1': 1 }), { timeoutMs: 3_000 });
  });
});
