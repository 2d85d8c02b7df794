import { randomUUID } from 'node:crypto';
import { afterCommit, commitWith, currentManager, EventStore, preparedStatementName, readAfterCommit, runInTransaction, writeAtCommit } from '../src';
import { EntityManager } from 'typeorm';
import { Sql } from '../src/lib/sql';
import { StoreFixture, aMetadata, openStoreFixture, sentDuring } from './store-fixture';

describe('runInTransaction: statements sent with the COMMIT', () => {
  let fx: StoreFixture;
  beforeAll(async () => {
    fx = await openStoreFixture('unit_of_work');
    await fx.dataSource.query('CREATE TABLE marks (id uuid PRIMARY KEY, note text NOT NULL)');
  });
  afterAll(() => fx.close());

  const marks = (id: string) => fx.dataSource.query('SELECT note FROM marks WHERE id = $1', [id]);

  it('commits a commitWith statement together with the work', async () => {
    const id = randomUUID();

    await runInTransaction(fx.dataSource, async (manager) => {
      await manager.query('INSERT INTO marks (id, note) VALUES ($1, $2)', [randomUUID(), 'work']);
      commitWith(fx.dataSource, `INSERT INTO marks (id, note) VALUES ('${id}', 'at commit')`);
    });

    expect(await marks(id)).toEqual([{ note: 'at commit' }]);
  });

  it('rolls the whole transaction back when a commitWith statement fails, and reports its error', async () => {
    const taken = randomUUID();
    const work = randomUUID();
    await fx.dataSource.query('INSERT INTO marks (id, note) VALUES ($1, $2)', [taken, 'first']);

    await expect(
      runInTransaction(fx.dataSource, async () => {
        await currentManager(fx.dataSource).query('INSERT INTO marks (id, note) VALUES ($1, $2)', [work, 'work']);
        commitWith(fx.dataSource, `INSERT INTO marks (id, note) VALUES ('${taken}', 'again')`);
      }),
    ).rejects.toMatchObject({ code: '23505', constraint: 'marks_pkey' });

    expect(await marks(work)).toEqual([]);
    expect(await marks(taken)).toEqual([{ note: 'first' }]);
    // The connection went back to the pool usable: the next transaction commits normally.
    const after = randomUUID();
    await runInTransaction(fx.dataSource, (manager) => manager.query('INSERT INTO marks (id, note) VALUES ($1, $2)', [after, 'later']));
    expect(await marks(after)).toEqual([{ note: 'later' }]);
  });

  describe('a read after the COMMIT (readAfterCommit)', () => {
    /** Registers a read of the marks, and what it receives. */
    function readMarksAfterCommit(text = 'SELECT note FROM marks WHERE id = $1', id = randomUUID()): { received: Array<unknown[] | null> } {
      const received: Array<unknown[] | null> = [];
      expect(readAfterCommit(fx.dataSource, { statement: () => ({ text, values: [id] }), receive: (result) => received.push(result?.rows ?? null) })).toBe(true);
      return { received };
    }

    it('goes in the COMMIT round trip and sees what the transaction committed', async () => {
      const id = randomUUID();
      let received: Array<unknown[] | null> = [];

      const sent = await sentDuring(() =>
        runInTransaction(fx.dataSource, async (manager) => {
          await manager.query('INSERT INTO marks (id, note) VALUES ($1, $2)', [id, 'committed']);
          ({ received } = readMarksAfterCommit(undefined, id));
        }),
      );

      expect(sent).toEqual([expect.stringMatching(/^START TRANSACTION; INSERT INTO marks/), expect.stringMatching(/^COMMIT; SELECT note FROM marks/)]);
      expect(received).toEqual([[{ note: 'committed' }]]);
    });

    it('leaves the transaction committed when only the read after the COMMIT fails', async () => {
      const id = randomUUID();
      let received: Array<unknown[] | null> = [];

      await runInTransaction(fx.dataSource, async (manager) => {
        await manager.query('INSERT INTO marks (id, note) VALUES ($1, $2)', [id, 'kept']);
        ({ received } = readMarksAfterCommit('SELECT note FROM no_such_table WHERE id = $1'));
      });

      expect(received).toEqual([null]);
      expect(await marks(id)).toEqual([{ note: 'kept' }]);
    });

    it('is not read when the COMMIT fails, and the failure reaches the caller', async () => {
      const taken = randomUUID();
      await fx.dataSource.query('INSERT INTO marks (id, note) VALUES ($1, $2)', [taken, 'first']);
      let received: Array<unknown[] | null> = [];

      await expect(
        runInTransaction(fx.dataSource, async () => {
          commitWith(fx.dataSource, `INSERT INTO marks (id, note) VALUES ('${taken}', 'again')`);
          ({ received } = readMarksAfterCommit(undefined, taken));
        }),
      ).rejects.toMatchObject({ code: '23505' });

      expect(received).toEqual([null]);
      expect(await marks(taken)).toEqual([{ note: 'first' }]);
    });

    it('takes one per transaction, and none outside one', async () => {
      expect(readAfterCommit(fx.dataSource, { statement: () => null, receive: () => undefined })).toBe(false);
      await runInTransaction(fx.dataSource, async () => {
        expect(readAfterCommit(fx.dataSource, { statement: () => null, receive: () => undefined })).toBe(true);
        expect(readAfterCommit(fx.dataSource, { statement: () => null, receive: () => undefined })).toBe(false);
      });
    });
  });

  it('refuses commitWith outside a transaction', () => {
    expect(() => commitWith(fx.dataSource, 'SELECT 1')).toThrow(/ambient transaction/);
  });

  describe('START TRANSACTION goes out with the first statement', () => {
    it('costs nothing when the work never touches the database', async () => {
      expect(await sentDuring(() => runInTransaction(fx.dataSource, async () => 'nothing'))).toEqual([]);
    });

    it('sends a transaction of commitWith statements only as one simple query', async () => {
      const id = randomUUID();

      const sent = await sentDuring(() => runInTransaction(fx.dataSource, async () => commitWith(fx.dataSource, `INSERT INTO marks (id, note) VALUES ('${id}', 'alone')`)));

      expect(sent).toEqual([expect.stringMatching(/^START TRANSACTION; INSERT INTO marks/)]);
      expect(await marks(id)).toEqual([{ note: 'alone' }]);
    });

    it('sends it (with the beginWith statements) in the same round trip as a TypeORM query, which runs in the transaction', async () => {
      let lockTimeout: unknown;
      const sent = await sentDuring(() =>
        runInTransaction(
          fx.dataSource,
          async (manager) => {
            [{ lock_timeout: lockTimeout }] = await manager.query('SHOW lock_timeout');
          },
          { beginWith: [`SET LOCAL lock_timeout = '123ms'`] },
        ),
      );

      expect(lockTimeout).toBe('123ms');
      expect(sent).toEqual([`START TRANSACTION; SET LOCAL lock_timeout = '123ms'; SHOW lock_timeout`, 'COMMIT']);
    });

    it("sends it in the same round trip as a serialised writer's lock and read", async () => {
      const store = new EventStore(fx.dataSource);
      const streamId = `marks-${randomUUID()}`;

      const sent = await sentDuring(() => runInTransaction(fx.dataSource, () => store.readForCommand(streamId, null, { lock: true })));

      expect(sent).toEqual([expect.stringMatching(/^START TRANSACTION; SELECT pg_advisory_xact_lock/), 'COMMIT']);
    });

    it("sends it in the same round trip as a command's first read", async () => {
      const store = new EventStore(fx.dataSource);
      const streamId = `marks-${randomUUID()}`;

      const sent = await sentDuring(() =>
        runInTransaction(fx.dataSource, async () => {
          await store.readForCommand(streamId, 1, { lock: false });
          await store.readForCommand(streamId, 1, { lock: false }); // begun by now: a named statement
        }),
      );

      expect(sent).toEqual([expect.stringMatching(/^START TRANSACTION; SELECT s.stream_version AS snapshot/), expect.stringMatching(/^SELECT s.stream_version/), 'COMMIT']);
    });

    /** A database of its own with one pooled connection: what that connection has prepared is known. */
    async function withOneConnection(label: string, work: (single: StoreFixture) => Promise<void>): Promise<void> {
      const single = await openStoreFixture(label, 1);
      try {
        await work(single);
      } finally {
        await single.close();
      }
    }

    it('sends it in the same round trip as an append, whose values stay parameters (kept exactly, even quotes and backslashes)', () =>
      withOneConnection('unit_of_work_append', async ({ dataSource, store }) => {
        const data = { note: `it's a \\ back'slash \u00e9 $1 --`, nested: { n: 1 } };
        const append = (streamId: string) => runInTransaction(dataSource, () => store.append(streamId, 'marks', [{ type: 'Marked', data }], 0, aMetadata()));
        await append(`marks-${randomUUID()}`); // prepares the append statement on the connection
        const streamId = `marks-${randomUUID()}`;

        const sent = (await sentDuring(() => append(streamId))).filter((query) => !query.includes('pg_notify')); // the relays' wake-up, after commit

        expect(sent).toEqual([expect.stringMatching(/^START TRANSACTION; INSERT INTO es_events/), 'COMMIT']);
        expect((await store.readStream(streamId)).map((event) => event.data)).toEqual([data]);
      }));

    it('sends a named statement with it in one round trip, prepared on first use and only bound after', () =>
      withOneConnection('unit_of_work_named', async ({ dataSource }) => {
        const statement = { name: `marks_probe_${randomUUID().slice(0, 8)}`, text: 'SELECT $1::int + 1 AS n' };
        const probe = () => runInTransaction(dataSource, () => new Sql(dataSource).query<{ n: number }>(statement, [41]));
        const preparedAt = async () =>
          (await dataSource.query('SELECT prepare_time FROM pg_prepared_statements WHERE name = $1', [statement.name])).map((row: { prepare_time: Date }) => row.prepare_time.toISOString());

        const first = await sentDuring(probe);
        const preparedFirst = await preparedAt();
        const second = await sentDuring(probe);

        expect(first).toEqual(['START TRANSACTION; SELECT $1::int + 1 AS n', 'COMMIT']);
        expect(second).toEqual(['START TRANSACTION; SELECT $1::int + 1 AS n', 'COMMIT']);
        expect(preparedFirst).toHaveLength(1);
        expect(await preparedAt()).toEqual(preparedFirst);
        expect(await probe()).toEqual([{ n: 42 }]);
      }));

    it('keeps reporting the real error of a named statement that fails to prepare', () =>
      withOneConnection('unit_of_work_bad_named', async ({ dataSource }) => {
        const statement = { name: `marks_missing_${randomUUID().slice(0, 8)}`, text: 'SELECT n FROM no_such_table WHERE n = $1' };
        const probe = () => runInTransaction(dataSource, () => new Sql(dataSource).query(statement, [1]));

        for (let attempt = 1; attempt <= 3; attempt++) await expect(probe()).rejects.toMatchObject({ code: '42P01' });
      }));

    it('keeps START TRANSACTION pending, and the connection unhooked, when TypeORM refuses the first query before sending it', async () => {
      const id = randomUUID();
      const refused = (manager: EntityManager) => manager.query('SELECT 1', {} as unknown as unknown[]); // named parameters: refused by TypeORM

      const sent = await sentDuring(() =>
        runInTransaction(fx.dataSource, async (manager) => {
          await expect(refused(manager)).rejects.toThrow();
          commitWith(fx.dataSource, `INSERT INTO marks (id, note) VALUES ('${id}', 'after a refused call')`);
        }),
      );

      expect(sent).toEqual([expect.stringMatching(/^START TRANSACTION; INSERT INTO marks/)]);
      expect(await marks(id)).toEqual([{ note: 'after a refused call' }]);
    });

    it('reports a first statement that fails, rolls it back, and leaves the connection usable', async () => {
      const taken = randomUUID();
      await fx.dataSource.query('INSERT INTO marks (id, note) VALUES ($1, $2)', [taken, 'first']);

      for (let attempt = 1; attempt <= 3; attempt++) {
        await expect(
          runInTransaction(fx.dataSource, (manager) => manager.query('INSERT INTO marks (id, note) VALUES ($1, $2)', [taken, 'again'])),
        ).rejects.toMatchObject({ driverError: expect.objectContaining({ code: '23505' }) });
      }

      expect(await marks(taken)).toEqual([{ note: 'first' }]);
      const after = randomUUID();
      await runInTransaction(fx.dataSource, (manager) => manager.query('INSERT INTO marks (id, note) VALUES ($1, $2)', [after, 'later']));
      expect(await marks(after)).toEqual([{ note: 'later' }]);
    });

    it('rolls back what was sent when the work fails after its first statement', async () => {
      const id = randomUUID();

      await expect(
        runInTransaction(fx.dataSource, async (manager) => {
          await manager.query('INSERT INTO marks (id, note) VALUES ($1, $2)', [id, 'undone']);
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');

      expect(await marks(id)).toEqual([]);
    });
  });

  describe('writeAtCommit with receive', () => {
    const insert = 'INSERT INTO marks (id, note) VALUES ($1, $2)';
    const lockedNote = 'SELECT note FROM marks WHERE id = $1 FOR UPDATE';

    it('sends the writes and a read with START TRANSACTION and COMMIT in one round trip, the read answered before the afterCommit hooks', async () => {
      const id = randomUUID();
      const seen: string[] = [];

      const sent = await sentDuring(() =>
        runInTransaction(fx.dataSource, async () => {
          writeAtCommit(fx.dataSource, { name: preparedStatementName(insert), text: insert, values: [id, 'one'] });
          writeAtCommit(fx.dataSource, { text: lockedNote, values: [id], receive: (result) => seen.push(`read ${result.rows[0].note}`) });
          afterCommit(fx.dataSource, () => seen.push('after commit'));
        }),
      );

      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatch(/^START TRANSACTION; INSERT INTO marks/);
      expect(seen).toEqual(['read one', 'after commit']);
      expect(await marks(id)).toEqual([{ note: 'one' }]);
    });

    it('answers no read when a statement fails: the transaction rolls back with its error', async () => {
      const [taken, work] = [randomUUID(), randomUUID()];
      await fx.dataSource.query(insert, [taken, 'first']);
      const seen: unknown[] = [];

      await expect(
        runInTransaction(fx.dataSource, async () => {
          writeAtCommit(fx.dataSource, { text: insert, values: [work, 'work'] });
          writeAtCommit(fx.dataSource, { text: lockedNote, values: [work], receive: (result) => seen.push(result) });
          writeAtCommit(fx.dataSource, { text: insert, values: [taken, 'again'] });
        }),
      ).rejects.toMatchObject({ code: '23505' });

      expect(seen).toEqual([]);
      expect(await marks(work)).toEqual([]);
    });
  });
});
