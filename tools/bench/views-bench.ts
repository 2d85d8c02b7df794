/**
 * Views benchmark (issue 4): the order-history app runs as a process (as the e2e Platform runs
 * apps) on a fresh database, a subject prefix of its own and a redis-server of its own, and is
 * measured over HTTP:
 *  - rebuild_events_per_s: an event log (--orders orders × 9 events) is published into the source
 *    streams and applied by the live durables (live_events_per_s, the baseline), then
 *    POST /admin/projections/order-view/rebuild replays it into a new version: replayed events /
 *    seconds from the rebuild's start to its switch (both as the app records them), the median of
 *    --rebuilds consecutive rebuilds (each one's figure in rebuild_runs_events_per_s);
 *  - then 10,000 restaurants, 1,000 consumers and 100,000 orders are written into the active
 *    tables in bulk (views-seed.ts), and --requests sequential requests of each kind are timed:
 *    search_p50/p99_ms (GET /search/restaurants?q=<typed prefix>), history_p50/p99_ms (a random
 *    consumer's first page), history_q_p50/p99_ms (the same with a keyword), status_miss_p50_ms
 *    (the status endpoint when Redis does not hold the order yet), status_redis_p50_ms (the same
 *    orders again, X-Served-From: redis), status_pg_p50_ms (the same orders once the app's Redis
 *    server is killed: the endpoint answers from PostgreSQL alone, X-Served-From: postgres).
 * Usage: npm run bench:views [-- --json] [--orders 2000] [--requests 500] [--rebuilds 3]
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { AppProcess, call, freePort, publishFixture } from '@brigade/component-testing';
import { accountingContext } from '@brigade/contracts/accounting';
import { consumersContext } from '@brigade/contracts/consumers';
import { deliveryContext } from '@brigade/contracts/delivery';
import { kitchenContext } from '@brigade/contracts/kitchen';
import { ordersContext } from '@brigade/contracts/orders';
import { restaurantsContext } from '@brigade/contracts/restaurants';
import { connectNats, contextStreamName, deadLetterStreamName, ensureContextStream, jetStreamClients } from '@brigade/messaging';
import { createTestDatabase, natsUrl, startRedisServer, TestIssuer, testNamespace } from '@brigade/testing';
import { percentile, printTable, round } from './measure';
import { eventLog } from './views-events';
import { seedViews } from './views-seed';
import { Random, typedDishPrefix, typedPrefix } from './views-vocabulary';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const ORDERS_REPLAYED = option('orders', 2000);
const REQUESTS = option('requests', 500);
const REBUILDS = option('rebuilds', 3);
const WARM_UP = 50;
const SEED = { restaurants: 10_000, consumers: 1_000, orders: 100_000 };
// Every stream order-history reads (its durables would create a missing one, and the clean-up would miss it).
const SOURCE_CONTEXTS = [restaurantsContext, consumersContext, ordersContext, kitchenContext, accountingContext, deliveryContext];
const PUBLISHERS = 32; // orders published side by side, each one's events in order
const CATCH_UP_TIMEOUT_MS = 600_000;

const log = (message: string) => process.stderr.write(`[views-bench] ${message}\n`);

interface Projection {
  name: string;
  activeVersion: number;
  state: string;
  switchedAt: string | null;
  failure: string | null;
  rebuild: { startedAt: string | null; replayedEvents: number; totalEvents: number | null } | null;
  sources: Array<{ durable: string; position: number | null; streamLastSequence: number | null; lag: number | null }>;
}

async function projections(app: AppProcess): Promise<Projection[]> {
  const answer = await call(app, 'GET', '/admin/projections');
  if (answer.status !== 200) throw new Error(`GET /admin/projections answered ${answer.status}`);
  return answer.body.projections;
}

interface Rebuild {
  /** The replay's count of messages (the four source streams'). */
  readonly replayed: number;
  /** From the rebuild's startedAt to its switchedAt, as the app records them. */
  readonly seconds: number;
  readonly clientSeconds: number;
}

/** POST /admin/projections/order-view/rebuild, then polls until the new version is active. */
async function rebuildOrderView(app: AppProcess): Promise<Rebuild> {
  const start = performance.now();
  const started = await call(app, 'POST', '/admin/projections/order-view/rebuild');
  if (started.status !== 202) throw new Error(`POST rebuild answered ${started.status}: ${JSON.stringify(started.body)}`);
  for (;;) {
    const orderView = (await projections(app)).find((p) => p.name === 'order-view') as Projection;
    if (orderView.state === 'failed') throw new Error(`The rebuild failed: ${orderView.failure}`);
    if (orderView.activeVersion === started.body.version) {
      const seconds = (Date.parse(orderView.switchedAt ?? '') - Date.parse(orderView.rebuild?.startedAt ?? '')) / 1000;
      return { replayed: orderView.rebuild?.replayedEvents ?? 0, seconds, clientSeconds: (performance.now() - start) / 1000 };
    }
    await sleep(100);
  }
}

/** Until every durable of every projection has acknowledged its stream's last message. */
async function caughtUp(app: AppProcess, deadline: number): Promise<void> {
  for (;;) {
    const sources = (await projections(app)).flatMap((p) => p.sources);
    if (sources.every((s) => s.lag === 0 && s.position === s.streamLastSequence)) return;
    if (Date.now() > deadline) throw new Error(`The live durables did not catch up: ${JSON.stringify(sources)}`);
    await sleep(200);
  }
}

/** --requests sequential GETs after WARM_UP untimed ones; each answer must be 200 and, if given, served from `servedFrom`. */
async function latencies(app: AppProcess, paths: readonly string[], servedFrom?: 'redis' | 'postgres'): Promise<number[]> {
  const timed: number[] = [];
  for (const [index, path] of paths.entries()) {
    const start = performance.now();
    const answer = await call(app, 'GET', path);
    const elapsed = performance.now() - start;
    if (answer.status !== 200) throw new Error(`GET ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    const source = answer.headers.get('x-served-from');
    if (servedFrom && source !== servedFrom) throw new Error(`GET ${path} was served from ${source}, not ${servedFrom}`);
    if (index >= WARM_UP) timed.push(elapsed);
  }
  return timed;
}

const p50 = (samples: number[]) => round(percentile(samples, 50), 2);
const p99 = (samples: number[]) => round(percentile(samples, 99), 2);

async function main() {
  const startedAt = Date.now();
  const random = new Random(20261127);
  const ns = testNamespace();
  const database = await createTestDatabase('bench_views');
  const redis = await startRedisServer();
  const nc = await connectNats({ servers: natsUrl(), name: 'views-bench' });
  const { js, jsm } = await jetStreamClients(nc);
  let app: AppProcess | undefined;
  try {
    // The neighbours' streams exist before the app's durables look for them, as when they run.
    for (const context of SOURCE_CONTEXTS) await ensureContextStream(jsm, ns, context);
    const issuer = await TestIssuer.create();
    app = new AppProcess('order-history', await freePort(), {
      ...issuer.env(),
      DATABASE_URL: database.url,
      NATS_URL: natsUrl(),
      NATS_SUBJECT_PREFIX: ns.subjectPrefix,
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: `bench:${randomUUID()}:`,
      LOG_LEVEL: 'warn',
      NO_COLOR: '1',
    });
    await app.waitUntilHealthy(60_000).catch((error: Error) => {
      throw new Error(`${error.message}\n${app?.log()}`);
    });
    const running = app;
    running.headers = await issuer.bearer({ role: 'admin' });

    // 1. The event log, applied by the live durables (the baseline), then replayed by a rebuild.
    const events = eventLog(ORDERS_REPLAYED, 200, 100, random);
    log(`publishing ${events.total} events (${ORDERS_REPLAYED} orders) and waiting for the live durables`);
    const liveStart = performance.now();
    const queue = [...events.sequences];
    await Promise.all(
      Array.from({ length: PUBLISHERS }, async () => {
        for (let sequence = queue.shift(); sequence; sequence = queue.shift()) {
          for (const event of sequence) await publishFixture(js, ns, event);
        }
      }),
    );
    await caughtUp(running, Date.now() + CATCH_UP_TIMEOUT_MS);
    const liveSeconds = (performance.now() - liveStart) / 1000;
    log(`live: ${events.total} events in ${liveSeconds.toFixed(1)} s`);

    // Rebuilt REBUILDS times in a row (versions 2, 3...), each measured as the app records it: the
    // median is reported, as one rebuild of a few seconds swings with the VM's other load.
    const rebuilds: Rebuild[] = [];
    for (let i = 1; i <= REBUILDS; i++) {
      const rebuild = await rebuildOrderView(running);
      log(`rebuild ${i}/${REBUILDS}: ${rebuild.replayed} events in ${rebuild.seconds.toFixed(2)} s (client saw ${rebuild.clientSeconds.toFixed(2)} s)`);
      rebuilds.push(rebuild);
    }
    const rates = rebuilds.map((rebuild) => rebuild.replayed / rebuild.seconds);
    const median = rebuilds[rates.indexOf([...rates].sort((a, b) => a - b)[Math.floor(rates.length / 2)])];

    // 2. The query side at size, in the tables now active.
    const active = Object.fromEntries((await projections(running)).map((p) => [p.name, p.activeVersion]));
    const db = new Client({ connectionString: database.url });
    await db.connect();
    log(`seeding ${SEED.restaurants} restaurants, ${SEED.consumers} consumers, ${SEED.orders} orders`);
    const seedStart = performance.now();
    const seeded = await seedViews(
      db,
      { orders: `oh_orders_v${active['order-view']}`, restaurants: `oh_restaurants_v${active['restaurant-directory']}`, consumers: `oh_consumers_v${active['consumer-directory']}` },
      SEED,
      random,
    ).finally(() => db.end());
    const seedSeconds = (performance.now() - seedStart) / 1000;
    log(`seeded in ${seedSeconds.toFixed(1)} s`);

    const count = WARM_UP + REQUESTS;
    const repeat = <T>(make: () => T) => Array.from({ length: count }, make);
    log(`${REQUESTS} requests of each kind (after ${WARM_UP} untimed)`);
    const search = await latencies(running, repeat(() => `/search/restaurants?q=${encodeURIComponent(typedPrefix(random))}`));
    const history = await latencies(running, repeat(() => `/order-history/consumers/${random.pick(seeded.consumerIds)}/orders`));
    const historyQ = await latencies(
      running,
      repeat(() => `/order-history/consumers/${random.pick(seeded.consumerIds)}/orders?q=${encodeURIComponent(typedDishPrefix(random))}`),
    );
    // The same orders three times: first unknown to Redis (a miss, answered by PostgreSQL and put in
    // Redis), then from Redis, then with Redis gone, from PostgreSQL alone.
    const statusPaths = random.sample(seeded.orderIds, count).map((id) => `/order-history/orders/${id}/status`);
    const statusMiss = await latencies(running, statusPaths, 'postgres');
    const statusRedis = await latencies(running, statusPaths, 'redis');
    redis.kill();
    while ((await call(running, 'GET', statusPaths[0])).headers.get('x-served-from') !== 'postgres') await sleep(50);
    const statusPg = await latencies(running, statusPaths, 'postgres');

    const report = {
      replayed_orders: ORDERS_REPLAYED,
      live_events_per_s: round(events.total / liveSeconds, 0),
      rebuild_events: median.replayed,
      rebuild_seconds: round(median.seconds, 2),
      rebuild_events_per_s: round(median.replayed / median.seconds, 0),
      rebuild_runs_events_per_s: rates.map((rate) => round(rate, 0)).join(' '),
      restaurants: SEED.restaurants,
      orders: SEED.orders,
      consumers: SEED.consumers,
      requests: REQUESTS,
      search_p50_ms: p50(search),
      search_p99_ms: p99(search),
      history_p50_ms: p50(history),
      history_p99_ms: p99(history),
      history_q_p50_ms: p50(historyQ),
      history_q_p99_ms: p99(historyQ),
      status_miss_p50_ms: p50(statusMiss),
      status_redis_p50_ms: p50(statusRedis),
      status_redis_p99_ms: p99(statusRedis),
      status_pg_p50_ms: p50(statusPg),
      status_pg_p99_ms: p99(statusPg),
      seed_seconds: round(seedSeconds, 1),
      run_seconds: round((Date.now() - startedAt) / 1000, 0),
    };
    if (args.includes('--json')) {
      console.log(JSON.stringify(report));
      return;
    }
    printTable(`Views benchmark (${ORDERS_REPLAYED} orders replayed, median of ${REBUILDS} rebuilds; ${REQUESTS} sequential requests per kind)`, report);
    printTable('Targets', { rebuild_events_per_s: '>= 20000', 'status_redis_p50_ms vs status_pg_p50_ms': 'measured in the same run' });
  } finally {
    await app?.kill();
    await nc.close();
    await deleteStreams(ns.subjectPrefix);
    redis.kill();
    await database.drop();
  }
}

async function deleteStreams(subjectPrefix: string): Promise<void> {
  const nc = await connectNats({ servers: natsUrl(), name: 'views-bench-cleanup' });
  try {
    const { jsm } = await jetStreamClients(nc);
    for (const context of [...SOURCE_CONTEXTS, 'order-history']) {
      for (const name of [contextStreamName({ subjectPrefix }, context), deadLetterStreamName({ subjectPrefix }, context)]) {
        await jsm.streams.delete(name).catch(() => undefined); // not every context has made both
      }
    }
  } finally {
    await nc.close();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
