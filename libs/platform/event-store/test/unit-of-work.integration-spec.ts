import { randomUUID } from 'node:crypto';
import { commitWith, currentManager, runInTransaction } from '../src';
import { StoreFixture, openStoreFixture } from './store-fixture';

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

  it('refuses commitWith outside a transaction', () => {
    expect(() => commitWith(fx.dataSource, 'SELECT 1')).toThrow(/ambient transaction/);
  });
});
