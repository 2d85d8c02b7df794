import { eventually } from '@brigade/testing';
import { call, ORDER_VIEW_VERSION, OrderHistoryApp, orderTablesOf, startOrderHistoryApp } from './order-history-app';
import { lineOf, menuItem, orderCreated, OrderStory, PLACED_AT } from './order-story';

interface ProjectionBody {
  name: string;
  activeVersion: number;
  state: string;
  buildingVersion: number | null;
  failure: string | null;
  rebuild: { version: number | null; running: boolean; replayedEvents: number; totalEvents: number | null } | null;
}

/** The version each rebuild below builds, and its tables. */
const BUILDING = ORDER_VIEW_VERSION + 1;
const BUILDING_TABLES = [orderTablesOf(BUILDING).orders, orderTablesOf(BUILDING).timeline];

async function orderView(app: OrderHistoryApp): Promise<ProjectionBody> {
  const answer = await call(app, 'GET', '/admin/projections');
  expect(answer.status).toBe(200);
  const found = (answer.body as { projections: ProjectionBody[] }).projections.find((p) => p.name === 'order-view');
  if (!found) throw new Error('no order-view projection');
  return found;
}

/** Publishes every event of the stories (all streams at once) and waits until the live consumers have processed each. */
async function publishStories(app: OrderHistoryApp, stories: readonly OrderStory[]): Promise<void> {
  const events = stories.flatMap((story) => story.inOrder());
  await Promise.all(events.map((event) => app.publishEvent(event)));
  const ids = new Set(events.map((event) => event.eventId));
  await eventually(
    () => {
      const processed = new Set(app.outcomes.filter((o) => o.eventId !== null && ids.has(o.eventId) && o.outcome === 'processed').map((o) => o.eventId));
      if (processed.size < ids.size) throw new Error(`${processed.size}/${ids.size} events processed`);
    },
    { timeoutMs: 30_000 },
  );
}

async function existingTables(app: OrderHistoryApp, names: readonly string[]): Promise<string[]> {
  const rows: Array<{ table_name: string }> = await app.dataSource.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ANY($1::text[]) ORDER BY table_name`,
    [names],
  );
  return rows.map((row) => row.table_name);
}

const viewOf = async (app: OrderHistoryApp, story: OrderStory): Promise<unknown> => {
  const answer = await call(app, 'GET', `/order-history/orders/${story.orderId}`);
  expect(answer.status).toBe(200);
  return answer.body;
};

describe('order-history: a rebuild interrupted by a restart', () => {
  let app: OrderHistoryApp;

  beforeAll(async () => {
    app = await startOrderHistoryApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('is not resumed: its tables are dropped, the projection is failed, the old version keeps serving, and a new rebuild switches', async () => {
    // Enough events that the replay is still running when the app is told to stop (several batches).
    const seeded = Array.from({ length: 150 }, () => new OrderStory());
    await publishStories(app, seeded);
    const reference = seeded[seeded.length - 1];
    const before = await viewOf(app, reference);

    const started = await call(app, 'POST', '/admin/projections/order-view/rebuild');
    expect(started).toMatchObject({ status: 202, body: { projection: 'order-view', version: BUILDING } });
    // Mid-replay: some batches committed into the building version, not all of them.
    await eventually(
      async () => {
        const { rebuild } = await orderView(app);
        if (!rebuild?.running || rebuild.totalEvents === null || rebuild.replayedEvents === 0) throw new Error(`not replaying yet: ${JSON.stringify(rebuild)}`);
        return rebuild;
      },
      { timeoutMs: 10_000, intervalMs: 10 },
    );
    expect(await existingTables(app, BUILDING_TABLES)).toEqual(BUILDING_TABLES.slice().sort());

    app = await app.restart();

    const after = await orderView(app);
    expect(after).toMatchObject({ activeVersion: ORDER_VIEW_VERSION, state: 'failed', buildingVersion: null, rebuild: { running: false, version: null } });
    // Who noticed first depends on timing: the replay itself (it stops at its next batch and
    // drops its tables), or, if the database was already closed, the next start-up.
    expect(after.failure).toMatch(/^(interrupted by a restart|the app is shutting down)$/);
    expect(await existingTables(app, BUILDING_TABLES)).toEqual([]);
    expect(await viewOf(app, reference)).toEqual(before);

    const again = await call(app, 'POST', '/admin/projections/order-view/rebuild');
    expect(again).toMatchObject({ status: 202, body: { projection: 'order-view', version: BUILDING } });
    const switched = await eventually(
      async () => {
        const state = await orderView(app);
        if (state.activeVersion !== BUILDING) throw new Error(`still ${state.state}: ${JSON.stringify(state.rebuild)}`);
        return state;
      },
      { timeoutMs: 15_000, intervalMs: 50 },
    );
    expect(switched).toMatchObject({ state: 'serving', buildingVersion: null, failure: null, rebuild: { running: false, version: BUILDING } });
    expect(switched.rebuild?.replayedEvents).toBe(switched.rebuild?.totalEvents);
    expect(await viewOf(app, reference)).toEqual(before);
    const [{ orders }] = await app.dataSource.query(`SELECT count(*)::int AS orders FROM ${orderTablesOf(BUILDING).orders}`);
    expect(orders).toBe(seeded.length);
  }, 45_000);
});

describe('order-history: a rebuild that fails for good', () => {
  let app: OrderHistoryApp;

  beforeAll(async () => {
    app = await startOrderHistoryApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('drops its tables, leaves the projection failed and the active version serving unchanged, and stops dual-write', async () => {
    const seeded = Array.from({ length: 10 }, () => new OrderStory());
    await publishStories(app, seeded);
    // A large order the live view stores (money is bigint)...
    const large = orderCreated(PLACED_AT, {}, [lineOf(menuItem('Banquet for the whole town', 30_000_000), 100)]);
    expect(large.payload.orderTotalCents).toBe(3_000_000_000);
    const stored = await app.deliver(large);
    expect(stored).toMatchObject({ outcome: 'processed', attempts: 1 });
    // ...and storage that refuses it in the version a rebuild creates (fault injection: an event
    // trigger adds a CHECK to the building version's orders table as it is created), so the replay fails on it every time.
    await refuseLargeTotalsIn(app, orderTablesOf(BUILDING).orders);
    const reference = seeded[0];
    const before = await viewOf(app, reference);

    const started = await call(app, 'POST', '/admin/projections/order-view/rebuild', undefined, { 'x-correlation-id': 'rebuild-that-fails-1' });
    expect(started).toMatchObject({ status: 202, body: { projection: 'order-view', version: BUILDING } });
    const failed = await eventually(
      async () => {
        const state = await orderView(app);
        if (state.state !== 'failed') throw new Error(`still ${state.state}: ${JSON.stringify(state.rebuild)}`);
        return state;
      },
      { timeoutMs: 10_000, intervalMs: 50 },
    );
    expect(failed).toMatchObject({ activeVersion: ORDER_VIEW_VERSION, buildingVersion: null, rebuild: { running: false, version: null } });
    // It names the message and where its cause is logged; the cause's own (SQL) text stays in the log.
    expect(failed.failure).toContain(`sequence ${stored.streamSequence} (orders.order.created.v1) could not be replayed`);
    expect(failed.failure).toContain('correlation id rebuild-that-fails-1');
    expect(failed.failure).not.toMatch(/violates|constraint|oh_orders|INSERT|UPDATE/i);
    expect(await existingTables(app, BUILDING_TABLES)).toEqual([]);
    expect(await viewOf(app, reference)).toEqual(before);

    // Dual-write is off again: a new order's events go to the active version only, each processed at its first attempt.
    const next = new OrderStory();
    await publishStories(app, [next]);
    const ids = new Set(next.inOrder().map((event) => event.eventId));
    expect(app.outcomes.filter((o) => o.eventId !== null && ids.has(o.eventId)).map((o) => [o.outcome, o.attempts])).toEqual(
      next.inOrder().map(() => ['processed', 1]),
    );
    expect(await viewOf(app, next)).toMatchObject({ orderId: next.orderId, state: 'READY_FOR_PICKUP', ticket: { state: 'READY_FOR_PICKUP' } });
    expect(((await viewOf(app, next)) as { timeline: unknown[] }).timeline).toHaveLength(9);
    expect(await existingTables(app, BUILDING_TABLES)).toEqual([]);
    const [{ orders }] = await app.dataSource.query(`SELECT count(*)::int AS orders FROM ${orderTablesOf(ORDER_VIEW_VERSION).orders}`);
    expect(orders).toBe(seeded.length + 2);
  }, 30_000);
});

/** Makes the test database refuse totals of 1,000,000 cents or more in `table`, from its creation on. */
async function refuseLargeTotalsIn(app: OrderHistoryApp, table: string): Promise<void> {
  await app.dataSource.query(`
    CREATE FUNCTION refuse_large_totals() RETURNS event_trigger LANGUAGE plpgsql AS $$
    DECLARE created record;
    BEGIN
      FOR created IN SELECT * FROM pg_event_trigger_ddl_commands() WHERE command_tag = 'CREATE TABLE' LOOP
        IF created.object_identity = current_schema() || '.${table}' THEN
          EXECUTE format('ALTER TABLE %s ADD CONSTRAINT refuses_large_totals CHECK (order_total_cents < 1000000)', created.object_identity);
        END IF;
      END LOOP;
    END $$`);
  await app.dataSource.query(`CREATE EVENT TRIGGER refuse_large_totals ON ddl_command_end WHEN TAG IN ('CREATE TABLE') EXECUTE FUNCTION refuse_large_totals()`);
}
