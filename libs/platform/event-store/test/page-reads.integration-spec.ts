import { Client } from 'pg';
import { GlobalPosition } from '../src';
import { readPageAfter } from '../src/lib/statements';
import { StoreFixture, openStoreFixture } from './store-fixture';

const EVENTS = 20_000;
const PER_TRANSACTION = 100;

/** The shape of a store that has been written for a while: many transactions, many events. */
async function seed(fx: StoreFixture): Promise<void> {
  await fx.dataSource.query(
    `INSERT INTO es_events (transaction_id, event_id, stream_id, stream_type, stream_version, event_type, schema_version, data, metadata)
     SELECT (1000 + g / ${PER_TRANSACTION})::text::xid8, gen_random_uuid(), 'seeded-' || g, 'seeded', 1, 'Seeded', 1, '{"n": 1}', '{}'
     FROM generate_series(1, ${EVENTS}) AS g`,
  );
  await fx.dataSource.query('ANALYZE es_events');
}

/** The position of the event `fromEnd` places before the last one. */
async function positionBeforeEnd(fx: StoreFixture, fromEnd: number): Promise<GlobalPosition> {
  const [row]: Array<{ transaction_id: string; sequence: string }> = await fx.dataSource.query(
    'SELECT transaction_id::text AS transaction_id, sequence::text AS sequence FROM es_events ORDER BY es_events.transaction_id DESC, es_events.sequence DESC OFFSET $1 LIMIT 1',
    [fromEnd],
  );
  return { transactionId: row.transaction_id, sequence: row.sequence };
}

// The relay reads a page after every commit it is woken for: the read must not be planned afresh
// each time, nor scan what lies beyond the page.
describe('EventStore.readPage: the page read', () => {
  let fx: StoreFixture;
  beforeAll(async () => {
    fx = await openStoreFixture('page_reads', 1); // one connection: its prepared statements are the ones read below
    await seed(fx);
  });
  afterAll(() => fx.close());

  it('keeps one (generic) plan across executions instead of planning every read', async () => {
    const after = await positionBeforeEnd(fx, 50);
    for (let i = 0; i < 8; i++) expect((await fx.store.readPage({ after, limit: 100 })).events).toHaveLength(50);

    const [plans]: Array<{ generic_plans: string; custom_plans: string }> = await fx.dataSource.query(
      'SELECT generic_plans::text, custom_plans::text FROM pg_prepared_statements WHERE name = $1',
      [readPageAfter(100).name],
    );
    expect(Number(plans.generic_plans)).toBeGreaterThan(0);
  });

  it('reads a page far behind the end without scanning the rest of the table', async () => {
    const after = await positionBeforeEnd(fx, EVENTS - 10);
    const client = new Client({ connectionString: (fx.dataSource.options as { url?: string }).url });
    await client.connect();
    try {
      const { name, text } = readPageAfter(100);
      await client.query(`PREPARE ${name} AS ${text}`);
      const [{ 'QUERY PLAN': [explained] }] = (
        await client.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) EXECUTE ${name}('${after.transactionId}', ${after.sequence})`)
      ).rows;
      const { Plan: plan } = explained as { Plan: { 'Actual Rows': number; 'Shared Hit Blocks': number; 'Shared Read Blocks': number } };

      expect(plan['Actual Rows']).toBe(100);
      // 100 events and their index entries sit in a few pages (7 here); a scan of the ~20,000 events
      // behind them touched 83 (the held-back half started at the position) or 428 (joined to the horizon).
      expect(plan['Shared Hit Blocks'] + plan['Shared Read Blocks']).toBeLessThan(30);
    } finally {
      await client.end();
    }
  });
});
