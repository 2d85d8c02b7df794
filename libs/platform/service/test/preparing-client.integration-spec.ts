import { DataSource } from 'typeorm';
import { TestDatabase, createTestDatabase } from '@brigade/testing';
import { PreparingClient } from '../src/lib/database/preparing-client';

describe('PreparingClient under TypeORM', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('preparing_client');
    // One connection: every statement below runs on the same session, whose prepared statements it lists.
    dataSource = new DataSource({ type: 'postgres', url: database.url, extra: { max: 1, Client: PreparingClient } });
    await dataSource.initialize();
    await dataSource.query('CREATE TABLE things (id int PRIMARY KEY, name text NOT NULL)');
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  const preparedTexts = async (): Promise<string[]> =>
    (await dataSource.query('SELECT statement FROM pg_prepared_statements ORDER BY prepare_time')).map((row: { statement: string }) => row.statement);

  it('prepares a parameterised statement once and reuses it, in and out of transactions', async () => {
    const insert = 'INSERT INTO things (id, name) VALUES ($1, $2)';
    await dataSource.query(insert, [1, 'one']);
    await dataSource.transaction((manager) => manager.query(insert, [2, 'two']));
    await dataSource.query(insert, [3, 'three']);

    expect((await preparedTexts()).filter((text) => text === insert)).toHaveLength(1);
    expect(await dataSource.query('SELECT id, name FROM things WHERE id > $1 ORDER BY id', [1])).toEqual([
      { id: 2, name: 'two' },
      { id: 3, name: 'three' },
    ]);
  });

  it('runs texts without parameters as before: several statements in one text, none prepared', async () => {
    const before = await preparedTexts();
    await dataSource.query("INSERT INTO things (id, name) VALUES (10, 'ten'); UPDATE things SET name = 'TEN' WHERE id = 10");

    expect(await dataSource.query('SELECT name FROM things WHERE id = $1', [10])).toEqual([{ name: 'TEN' }]);
    expect(await preparedTexts()).toEqual([...before, 'SELECT name FROM things WHERE id = $1']);
  });

  it('recovers when a table changed under a prepared statement: that call fails, the next one runs', async () => {
    const select = 'SELECT * FROM things WHERE id = $1';
    expect(await dataSource.query(select, [1])).toEqual([{ id: 1, name: 'one' }]);
    await dataSource.query('ALTER TABLE things ADD COLUMN colour text');

    await expect(dataSource.query(select, [1])).rejects.toThrow('cached plan must not change result type');
    expect(await dataSource.query(select, [1])).toEqual([{ id: 1, name: 'one', colour: null }]);
  });

  it('gives an error of the statement to the caller, with its transaction rolled back', async () => {
    const insert = 'INSERT INTO things (id, name) VALUES ($1, $2)';
    await expect(
      dataSource.transaction(async (manager) => {
        await manager.query(insert, [20, 'twenty']);
        await manager.query(insert, [20, 'again']);
      }),
    ).rejects.toThrow('duplicate key');
    expect(await dataSource.query('SELECT count(*)::int AS n FROM things WHERE id = $1', [20])).toEqual([{ n: 0 }]);
  });
});
