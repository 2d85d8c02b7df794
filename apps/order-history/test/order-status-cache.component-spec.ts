import { anOrderCreatedV1 } from '@brigade/contracts/orders';
import { eventually, RedisServer, startRedisServer } from '@brigade/testing';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import type { OrderStatus } from '../src/projections/order-status/order-status';
import { OrderStatusCache } from '../src/projections/order-status/order-status-cache';
import { call, ORDER_VIEW_VERSION, OrderHistoryApp, orderTablesOf, startOrderHistoryApp } from './order-history-app';
import { OrderStory, READY_BY, StepName } from './order-story';

/**
 * The hot path: GET /order-history/orders/:id/status from Redis, written after each commit and
 * version-guarded, from PostgreSQL while Redis is down, and never stale once Redis is back.
 * Against a redis-server of this file's own, which keeps its data across a crash and a restart
 * (so entries from before an outage come back and must not be served).
 */
describe('order-history: order status served from Redis, from PostgreSQL when Redis cannot', () => {
  let redisServer: RedisServer;
  let app: OrderHistoryApp;
  /** The test's own look into Redis (the app's client is not shared). */
  let redis: Redis;

  beforeAll(async () => {
    redisServer = await startRedisServer();
    // A re-warm loads only the most recently changed order, so that the outage test also sees an
    // order that is not re-warmed (as when more orders changed than REDIS_REWARM_LIMIT).
    app = await startOrderHistoryApp({ redisUrl: redisServer.url, env: { REDIS_REWARM_LIMIT: '1' } });
    redis = new Redis(redisServer.url, { lazyConnect: true, retryStrategy: () => 50 });
    redis.on('error', () => undefined); // refused while the test has Redis stopped; the test reconnects with it
    await redis.connect();
    await eventually(async () => expect((await health()).redis).toMatchObject({ redis: 'up' }));
  });

  afterAll(async () => {
    redis?.disconnect();
    await app?.close();
    await redisServer?.stop();
  });

  const statusOf = async (orderId: string) => {
    const answer = await call(app, 'GET', `/order-history/orders/${orderId}/status`);
    expect(answer.status).toBe(200);
    return { servedFrom: answer.headers.get('x-served-from'), body: answer.body };
  };

  /** What PostgreSQL holds: the truth every answer must equal. */
  const truthOf = async (orderId: string): Promise<OrderStatus> => {
    const [row] = await app.dataSource.query(
      `SELECT state, rejection_reason, ticket_state, ready_by, payment_state, order_total_cents, delivery_state, courier_id, version
       FROM ${orderTablesOf(ORDER_VIEW_VERSION).orders} WHERE order_id = $1`,
      [orderId],
    );
    return {
      orderId,
      state: row.state,
      rejectionReason: row.rejection_reason,
      ticketState: row.ticket_state,
      readyBy: row.ready_by?.toISOString() ?? null,
      paymentState: row.payment_state,
      orderTotalCents: row.order_total_cents === null ? null : Number(row.order_total_cents), // bigint arrives as text
      deliveryState: row.delivery_state,
      courierId: row.courier_id,
      version: row.version,
    };
  };

  const generation = async () => Number(await redis.get(`${app.redisKeyPrefix}generation`));

  /** The entry in Redis for the order in `inGeneration` (default: the current one), or null. */
  const storedOf = async (orderId: string, inGeneration?: number) => {
    const entry = await redis.hgetall(`${app.redisKeyPrefix}g${inGeneration ?? (await generation())}:order-status:v${ORDER_VIEW_VERSION}:${orderId}`);
    return entry.status ? { version: Number(entry.version), status: JSON.parse(entry.status) } : null;
  };

  const deliver = async (story: OrderStory, steps: readonly StepName[]) => {
    for (const step of steps) expect((await app.deliver(story.steps[step])).outcome).toBe('processed');
  };

  const health = async () => {
    const answer = await call(app, 'GET', '/health');
    return { status: answer.status, redis: answer.body.details?.redis };
  };

  it('written to Redis once an event is processed, served from it (X-Served-From: redis), and updated by every later event', async () => {
    const story = new OrderStory();
    await deliver(story, ['restaurantCreated', 'consumerRegistered', 'orderCreated']);

    const placed = await truthOf(story.orderId);
    expect(placed).toMatchObject({ state: 'APPROVAL_PENDING', ticketState: null, orderTotalCents: anOrderCreatedV1().orderTotalCents });
    await eventually(async () => expect(await storedOf(story.orderId)).toEqual({ version: placed.version, status: placed }));
    await eventually(async () => expect(await statusOf(story.orderId)).toEqual({ servedFrom: 'redis', body: placed }));

    await deliver(story, ['consumerValidated', 'ticketCreated', 'paymentAuthorized', 'orderApproved', 'ticketConfirmed', 'ticketAccepted']);

    const accepted = await truthOf(story.orderId);
    expect(accepted).toMatchObject({ state: 'APPROVED', ticketState: 'ACCEPTED', readyBy: READY_BY, paymentState: 'AUTHORIZED' });
    expect(accepted.version).toBeGreaterThan(placed.version);
    await eventually(async () => expect(await storedOf(story.orderId)).toEqual({ version: accepted.version, status: accepted }));
    await eventually(async () => expect(await statusOf(story.orderId)).toEqual({ servedFrom: 'redis', body: accepted }));
  });

  it('out of order, duplicated and replayed events: Redis ends with the newest status, never an older one', async () => {
    const story = new OrderStory();
    const shuffled: StepName[] = ['ticketAccepted', 'orderApproved', 'ticketCreated', 'orderCreated', 'ticketConfirmed', 'paymentAuthorized', 'ticketPreparing'];
    for (const step of shuffled) {
      expect((await app.deliver(story.steps[step])).outcome).toBe('processed');
      expect((await app.deliver(story.steps[step])).outcome).toBe('duplicate');
    }
    // Stale replays of earlier steps, under new event ids: processed, but they change nothing.
    for (const step of ['ticketCreated', 'ticketConfirmed'] as const) {
      expect((await app.deliver({ ...story.steps[step], eventId: randomUUID() })).outcome).toBe('processed');
    }

    const truth = await truthOf(story.orderId);
    expect(truth).toMatchObject({ state: 'PREPARING', ticketState: 'PREPARING', readyBy: READY_BY, paymentState: 'AUTHORIZED' });
    await eventually(async () => expect(await storedOf(story.orderId)).toEqual({ version: truth.version, status: truth }));
    await eventually(async () => expect(await statusOf(story.orderId)).toEqual({ servedFrom: 'redis', body: truth }));
  });

  it('two commits of one order landing in Redis out of order: the older one is refused (version-guarded in one Lua script)', async () => {
    const story = new OrderStory();
    await deliver(story, ['orderCreated', 'orderApproved']);
    const newest = await truthOf(story.orderId);
    await eventually(async () => expect((await storedOf(story.orderId))?.version).toBe(newest.version));
    const cache = app.nest.get(OrderStatusCache);

    // An older commit's write arriving late, and a populate from a read made before the newest commit.
    const older: OrderStatus = { ...newest, state: 'APPROVAL_PENDING', version: newest.version - 1 };
    cache.committed({ status: older, consumerId: story.consumerId }, ORDER_VIEW_VERSION);
    cache.populate({ status: older, consumerId: story.consumerId }, await generation(), ORDER_VIEW_VERSION);
    // The app's writes reach Redis in the order they are sent on its one connection: once this
    // later write is stored, the two before it have been answered.
    const marker = { ...newest, orderId: randomUUID(), version: 1 };
    cache.committed({ status: marker, consumerId: story.consumerId }, ORDER_VIEW_VERSION);
    await eventually(async () => expect(await storedOf(marker.orderId)).not.toBeNull());

    expect(await storedOf(story.orderId)).toEqual({ version: newest.version, status: newest });
    await eventually(async () => expect(await statusOf(story.orderId)).toEqual({ servedFrom: 'redis', body: newest }));
  });

  it('a change that rolls back never reaches Redis: a duplicate event id carrying a newer step is applied, then rolled back', async () => {
    const story = new OrderStory();
    await deliver(story, ['orderCreated', 'ticketCreated', 'orderApproved', 'ticketConfirmed', 'ticketAccepted']);
    const committed = await truthOf(story.orderId);
    await eventually(async () => expect(await storedOf(story.orderId)).toEqual({ version: committed.version, status: committed }));

    // Its handlers run in the transaction (the ticket moves to PREPARING) until the inbox refuses the id at COMMIT.
    const rolledBack = { ...story.steps.ticketPreparing, eventId: story.steps.ticketAccepted.eventId };
    expect((await app.deliver(rolledBack)).outcome).toBe('duplicate');
    // Writes reach Redis in the order they are sent on the app's one connection: once a later
    // order's write is stored, any write sent for the rolled-back change would have landed too.
    const later = new OrderStory();
    await deliver(later, ['orderCreated']);
    await eventually(async () => expect(await storedOf(later.orderId)).not.toBeNull());

    expect(await truthOf(story.orderId)).toEqual(committed);
    expect(await storedOf(story.orderId)).toEqual({ version: committed.version, status: committed });
  });

  it('Redis down: events still processed, answers from PostgreSQL with the new state, /health 200 and degraded; Redis back: never stale, re-warmed, served from Redis again', async () => {
    const story = new OrderStory();
    // Approved during the outage, after the story's last change, and never read: the one order the
    // re-warm loads. The story's order is not re-warmed: its entry from before the outage is stale.
    const bystander = new OrderStory();
    await deliver(story, ['restaurantCreated', 'consumerRegistered', 'orderCreated', 'ticketCreated', 'paymentAuthorized', 'orderApproved']);
    await deliver(bystander, ['orderCreated']);
    const beforeOutage = await truthOf(story.orderId);
    await eventually(async () => expect(await statusOf(story.orderId)).toEqual({ servedFrom: 'redis', body: beforeOutage }));
    const generationBefore = await generation();
    expect(await health()).toEqual({ status: 200, redis: expect.objectContaining({ status: 'up', redis: 'up', degraded: false }) });

    redisServer.kill();
    await eventually(async () => expect((await health()).redis).toMatchObject({ redis: 'down' })); // the app has seen it go
    await deliver(story, ['ticketConfirmed', 'ticketAccepted']);
    await deliver(bystander, ['orderApproved']);

    const duringOutage = await truthOf(story.orderId);
    expect(duringOutage).toMatchObject({ ticketState: 'ACCEPTED', readyBy: READY_BY });
    expect(await statusOf(story.orderId)).toEqual({ servedFrom: 'postgres', body: duringOutage });
    const degraded = await health();
    expect(degraded).toEqual({
      status: 200,
      redis: expect.objectContaining({ status: 'up', redis: 'down', degraded: true, servedFrom: 'postgres', skippedWrites: expect.any(Number) }),
    });
    expect(degraded.redis.skippedWrites).toBeGreaterThanOrEqual(3);

    await redisServer.start(); // same port, same data: the entries written before the outage are back, stale
    await redis.ping();
    expect((await storedOf(story.orderId, generationBefore))?.status).toEqual(beforeOutage);

    const answers: Array<{ servedFrom: string | null; body: unknown }> = [];
    await eventually(
      async () => {
        const answer = await statusOf(story.orderId);
        answers.push(answer);
        expect(answer.servedFrom).toBe('redis');
      },
      { timeoutMs: 20_000 },
    );
    // From PostgreSQL while warming, then a miss populated from PostgreSQL, then Redis: never the stale entry.
    for (const answer of answers) expect(answer.body).toEqual(duringOutage);
    expect(await generation()).toBeGreaterThan(generationBefore);
    expect(await storedOf(story.orderId)).toEqual({ version: duringOutage.version, status: duringOutage });
    const bystanderNow = await truthOf(bystander.orderId);
    expect(await storedOf(bystander.orderId)).toEqual({ version: bystanderNow.version, status: bystanderNow });
    expect(await health()).toEqual({ status: 200, redis: expect.objectContaining({ status: 'up', redis: 'up', degraded: false }) });

    // And the cache keeps up again.
    await deliver(story, ['ticketPreparing']);
    const afterOutage = await truthOf(story.orderId);
    await eventually(async () => expect(await statusOf(story.orderId)).toEqual({ servedFrom: 'redis', body: afterOutage }));
    expect(afterOutage.ticketState).toBe('PREPARING');
  });

  it('GET the status of an order no event has mentioned: 404 ORDER_HISTORY.ORDER.NOT_FOUND; a malformed id: 400 naming orderId', async () => {
    const unknown = await call(app, 'GET', `/order-history/orders/${randomUUID()}/status`);
    expect(unknown.status).toBe(404);
    expect(unknown.contentType).toMatch(/^application\/problem\+json/);
    expect(unknown.body.code).toBe('ORDER_HISTORY.ORDER.NOT_FOUND');

    const malformed = await call(app, 'GET', '/order-history/orders/not-a-uuid/status');
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors).toEqual([expect.objectContaining({ field: 'orderId' })]);
  });
});
