import { eventually } from '@brigade/testing';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { call, HttpAnswer, ORDER_VIEW_VERSION, OrderHistoryApp, orderTablesOf, startOrderHistoryApp } from './order-history-app';
import { OrderStory } from './order-story';

/** Order-view columns that must be equal in two versions (the row's change count and time are each version's own). */
const ORDER_COLUMNS = `order_id, consumer_id, restaurant_id, line_items, item_names, order_total_cents, placed_at, details_version, order_state, state,
  rejection_reason, change_type, change_outcome, change_reason, order_version, ticket_state, ticket_reason, ready_by, ticket_version, payment_state,
  payment_amount_cents, payment_reason, payment_step, delivery_state, courier_id, delivery_step`;

/** The order view's version the migrations leave, serving, and the one the first rebuild builds. */
const [ACTIVE, REBUILT] = [orderTablesOf(ORDER_VIEW_VERSION), orderTablesOf(ORDER_VIEW_VERSION + 1)];

/** Between two new orders of the live traffic (the app, its consumers and the test share one process). */
const TRAFFIC_PAUSE_MS = 15;

interface ProjectionBody {
  name: string;
  activeVersion: number;
  state: string;
  buildingVersion: number | null;
  rebuild: { rebuildId: string; version: number; running: boolean; replayedEvents: number; totalEvents: number | null } | null;
  sources: Array<{ durable: string; position: number | null; streamLastSequence: number | null; lag: number | null }>;
}

describe('order-history: rebuilding a projection under live traffic', () => {
  let app: OrderHistoryApp;

  beforeAll(async () => {
    app = await startOrderHistoryApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  const projection = async (name: string): Promise<ProjectionBody> => {
    const answer = await call(app, 'GET', '/admin/projections');
    expect(answer.status).toBe(200);
    const found = (answer.body as { projections: ProjectionBody[] }).projections.find((p) => p.name === name);
    if (!found) throw new Error(`no projection ${name}`);
    return found;
  };

  /** Publishes every event of the stories (all streams at once) and waits until the service has processed each. */
  async function publishStories(stories: readonly OrderStory[]): Promise<void> {
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

  it('orders keep flowing and queries are answered throughout; afterwards the new version holds every order once, equal to the old one plus the new', async () => {
    const seeded = Array.from({ length: 120 }, () => new OrderStory());
    await publishStories(seeded);
    const reference = seeded[0];
    const referenceView = reference.normalise((await call(app, 'GET', `/order-history/orders/${reference.orderId}`)).body);

    // Live traffic: new orders' events keep coming (each story's events in the order they happened)...
    const live: OrderStory[] = [];
    let traffic = true;
    const publisher = (async () => {
      while (traffic) {
        const story = new OrderStory();
        live.push(story);
        for (const event of story.inOrder()) await app.publishEvent(event);
        await new Promise((resolve) => setTimeout(resolve, TRAFFIC_PAUSE_MS)); // a steady flow, not a flood of the one event loop
      }
    })();
    // ...and readers keep asking, about orders of both versions' time.
    const failures: string[] = [];
    let answered = 0;
    let reading = true;
    const reader = (async () => {
      for (let i = 0; reading; i++) {
        const story = seeded[i % seeded.length];
        const answers: Array<[string, HttpAnswer]> = await Promise.all(
          [
            `/order-history/orders/${story.orderId}`,
            `/order-history/orders/${story.orderId}/status`,
            `/order-history/consumers/${story.consumerId}/orders?q=ajan`,
            '/search/restaurants?q=ajanta&limit=5',
          ].map(async (path): Promise<[string, HttpAnswer]> => [path, await call(app, 'GET', path)]),
        );
        for (const [path, answer] of answers) {
          answered += 1;
          if (answer.status !== 200) failures.push(`${path} -> ${answer.status}`);
        }
        const view = answers[0][1].body as { state: string; timeline: unknown[] };
        if (view.state !== 'READY_FOR_PICKUP' || view.timeline.length !== 9) failures.push(`${story.orderId} seen incomplete: ${JSON.stringify(view)}`);
      }
    })();

    let liveWhenStarted = 0;
    let liveWhenSwitched = 0;
    try {
      // Two rebuild requests at once: one starts, the other is refused while it runs.
      const [first, second] = await Promise.all([
        call(app, 'POST', '/admin/projections/order-view/rebuild'),
        call(app, 'POST', '/admin/projections/order-view/rebuild'),
      ]);
      const statuses = [first.status, second.status].sort();
      expect(statuses).toEqual([202, 409]);
      const started = (first.status === 202 ? first : second).body as { rebuildId: string; version: number };
      const refused = (first.status === 409 ? first : second).body as { code: string };
      expect(started.version).toBe(ORDER_VIEW_VERSION + 1);
      expect(refused.code).toBe('ORDER_HISTORY.PROJECTION.REBUILD_RUNNING');
      liveWhenStarted = live.length;

      const switched = await eventually(
        async () => {
          const state = await projection('order-view');
          if (state.activeVersion !== ORDER_VIEW_VERSION + 1) throw new Error(`still ${state.state}: ${JSON.stringify(state.rebuild)}`);
          return state;
        },
        { timeoutMs: 30_000, intervalMs: 50 },
      );
      liveWhenSwitched = live.length;
      expect(switched).toMatchObject({ state: 'serving', buildingVersion: null, rebuild: { rebuildId: started.rebuildId, running: false } });
      expect(switched.rebuild?.replayedEvents).toBe(switched.rebuild?.totalEvents);
      // Every seeded event but the restaurants' (not a source of the order view), and the live ones until dual-write began.
      expect(switched.rebuild?.replayedEvents).toBeGreaterThanOrEqual(seeded.length * 10);

      // A few more orders after the switch, then the traffic stops.
      await eventually(() => expect(live.length).toBeGreaterThan(liveWhenSwitched + 3), { timeoutMs: 10_000 });
      traffic = false;
      await publisher;
      await eventually(
        async () => {
          const { sources } = await projection('order-view');
          expect(sources.map((s) => s.lag)).toEqual([0, 0, 0, 0, 0]);
          for (const source of sources) expect(source.position).toBe(source.streamLastSequence);
        },
        { timeoutMs: 30_000 },
      );
    } finally {
      // Also when an expectation failed: nothing may keep calling a closed app.
      traffic = false;
      reading = false;
      await Promise.allSettled([publisher, reader]);
    }

    expect(failures).toEqual([]);
    expect(answered).toBeGreaterThan(0);
    expect(liveWhenSwitched).toBeGreaterThan(liveWhenStarted); // orders did flow while the rebuild ran

    // None lost, none doubled: one row per order, with every event of it on its timeline, once.
    const all = [...seeded, ...live];
    const rows: Array<{ order_id: string; events: string }> = await app.dataSource.query(
      `SELECT o.order_id, (SELECT count(*) FROM ${REBUILT.timeline} t WHERE t.order_id = o.order_id) AS events FROM ${REBUILT.orders} o`,
    );
    expect(rows.map((row) => row.order_id).sort()).toEqual(all.map((story) => story.orderId).sort());
    expect(rows.filter((row) => Number(row.events) !== 9)).toEqual([]);

    // Equal to what the old version held (it stopped being written at the switch)...
    const seededIds = [seeded.map((story) => story.orderId)];
    const [orders] = await app.dataSource.query(
      `SELECT count(*)::int AS differing FROM
         (SELECT ${ORDER_COLUMNS} FROM ${ACTIVE.orders} WHERE order_id = ANY($1::uuid[]) EXCEPT SELECT ${ORDER_COLUMNS} FROM ${REBUILT.orders}) AS d`,
      seededIds,
    );
    const [timelines] = await app.dataSource.query(
      `SELECT count(*)::int AS differing FROM
         (SELECT order_id, event_id, subject, occurred_at FROM ${ACTIVE.timeline} WHERE order_id = ANY($1::uuid[])
          EXCEPT SELECT order_id, event_id, subject, occurred_at FROM ${REBUILT.timeline}) AS d`,
      seededIds,
    );
    expect([orders.differing, timelines.differing]).toEqual([0, 0]);
    // ...plus the new orders, each complete, served from the new version.
    for (const story of [...live.slice(0, 3), ...live.slice(-3)]) {
      const view = await call(app, 'GET', `/order-history/orders/${story.orderId}`);
      expect(story.normalise(view.body)).toEqual(referenceView);
      const status = await call(app, 'GET', `/order-history/orders/${story.orderId}/status`);
      expect(status.body).toMatchObject({ state: 'READY_FOR_PICKUP', ticketState: 'READY_FOR_PICKUP', paymentState: 'AUTHORIZED' });
    }
  }, 90_000);

  it('the directories rebuild too; the version retired by the previous switch is dropped by the next rebuild', async () => {
    const search = async () => (await call(app, 'GET', '/search/restaurants?q=ajanta&limit=100')).body;
    await eventually(async () => expect((await projection('restaurant-directory')).sources.map((s) => s.lag)).toEqual([0]));
    const before = await search();
    for (const version of [2, 3]) {
      const started = await call(app, 'POST', '/admin/projections/restaurant-directory/rebuild');
      expect(started).toMatchObject({ status: 202, body: { projection: 'restaurant-directory', version } });
      await eventually(async () => expect(await projection('restaurant-directory')).toMatchObject({ activeVersion: version, state: 'serving' }), {
        timeoutMs: 20_000,
      });
      expect(await search()).toEqual(before);
    }
    const tables: Array<{ tablename: string }> = await app.dataSource.query(`SELECT tablename FROM pg_tables WHERE tablename LIKE 'oh_restaurants_v%' ORDER BY tablename`);
    expect(tables.map((t) => t.tablename)).toEqual(['oh_restaurants_v2', 'oh_restaurants_v3']);
  }, 60_000);

  it('a version built by a rebuild has the same columns (the derived state\'s expression too) and indexes as the one the migrations created', async () => {
    const columns = (table: string) =>
      app.dataSource.query(
        `SELECT column_name, data_type, is_nullable, column_default, generation_expression FROM information_schema.columns WHERE table_name = $1 ORDER BY column_name`,
        [table],
      );
    expect(await columns(REBUILT.orders)).toEqual(await columns(ACTIVE.orders));
    expect(await columns(REBUILT.timeline)).toEqual(await columns(ACTIVE.timeline));
    expect(await columns(ACTIVE.orders)).toContainEqual(expect.objectContaining({ column_name: 'state', generation_expression: expect.stringContaining('DELIVERED') }));
    const indexes = async (table: string) =>
      ((await app.dataSource.query(`SELECT indexdef FROM pg_indexes WHERE tablename = $1 ORDER BY indexname`, [table])) as Array<{ indexdef: string }>).map(
        (i) => i.indexdef.split(`${table}`).join('<table>'),
      );
    expect(await indexes(REBUILT.orders)).toEqual(await indexes(ACTIVE.orders));
  });

  it('the CLI starts a rebuild with an admin token, follows it to the switch and exits 0; a refused one exits 1 saying why', async () => {
    const adminToken = await app.environment.issuer.token({ role: 'admin' });
    /** The CLI with BRIGADE_ACCESS_TOKEN set to `token`, or unset. */
    const cli = (token: string | undefined, ...args: string[]) =>
      new Promise<{ code: number; stderr: string }>((resolve) => {
        const root = join(__dirname, '../../..');
        const { BRIGADE_ACCESS_TOKEN: _inherited, ...env } = process.env;
        const withToken = token === undefined ? env : { ...env, BRIGADE_ACCESS_TOKEN: token };
        execFile(process.execPath, [join(root, 'scripts/run-ts.mjs'), join(root, 'apps/order-history/src/cli/rebuild.ts'), ...args], { cwd: root, env: withToken }, (error, _stdout, stderr) =>
          resolve({ code: error ? Number(error.code ?? 1) : 0, stderr }),
        );
      });
    const done = await cli(adminToken, '--projection=consumer-directory', '--url', app.baseUrl);
    expect(done.stderr).toMatch(/Switched: consumer-directory serves version 2; durables' lag 0/);
    expect(done.stderr).toMatch(/\[#+\] 100\.0%/);
    expect(done.code).toBe(0);
    expect(await projection('consumer-directory')).toMatchObject({ activeVersion: 2, state: 'serving' });

    const refused = await cli(undefined, '--projection', 'nope', '--url', app.baseUrl, '--token', adminToken);
    expect(refused).toEqual({ code: 1, stderr: expect.stringContaining('ORDER_HISTORY.PROJECTION.NOT_FOUND') });
    const anonymous = await cli(undefined, '--projection', 'restaurant-directory', '--url', app.baseUrl);
    expect(anonymous).toEqual({ code: 1, stderr: expect.stringContaining('(401): AUTH.UNAUTHENTICATED') });
    const consumer = await app.environment.issuer.token({ role: 'consumer', consumerId: randomUUID() });
    expect(await cli(consumer, '--projection', 'restaurant-directory', '--url', app.baseUrl)).toEqual({ code: 1, stderr: expect.stringContaining('(403): AUTH.FORBIDDEN') });
  }, 60_000);

  it('the admin routes are in the OpenAPI document, for admins only (401 without a token, 403 for other roles)', () => {
    const document = SwaggerModule.createDocument(app.nest, new DocumentBuilder().build());
    expect(Object.keys(document.paths['/admin/projections'] ?? {})).toEqual(['get']);
    expect(Object.keys(document.paths['/admin/projections/{name}/rebuild']?.post?.responses ?? {}).sort()).toEqual(['202', '401', '403', '404', '409']);
  });

  it('an unknown projection: 404 with a code', async () => {
    const answer = await call(app, 'POST', '/admin/projections/orders/rebuild');
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ code: 'ORDER_HISTORY.PROJECTION.NOT_FOUND' });
  });
});
