import { aPaymentDeclinedV1, paymentDeclinedV1 } from '@brigade/contracts/accounting';
import { aTicketCancelledV1, ticketCancelledV1 } from '@brigade/contracts/kitchen';
import { eventually, shuffled } from '@brigade/testing';
import { randomUUID } from 'node:crypto';
import { call, NeighbourEvent, ORDER_VIEW_VERSION, OrderHistoryApp, orderTablesOf, startOrderHistoryApp } from './order-history-app';
import { at, cancelled, courierRegistered, delivered, deliveryAssigned, lineOf, menuItem, orderRejected, OrderStory, PLACED_AT, revised } from './order-story';

/** An order's row without what each version counts for itself (its change count and time). */
const ROW = (table: string) => `SELECT to_jsonb(o) - 'version' - 'changed_at' AS row FROM ${table} o`;
const TIMELINE = (table: string) => `SELECT order_id, event_id, subject, occurred_at FROM ${table}`;

/** A rejected order: the ticket cancelled and the payment declined, each with its reason. */
function rejectedStory(): NeighbourEvent[] {
  const story = new OrderStory();
  const { orderId, consumerId, restaurantId } = story;
  const created = story.steps.orderCreated as Parameters<typeof orderRejected>[0];
  const reason = 'accounting: total exceeds available credit';
  return [
    story.steps.restaurantCreated,
    story.steps.consumerRegistered,
    created,
    story.steps.ticketCreated,
    { contract: paymentDeclinedV1, payload: aPaymentDeclinedV1({ orderId, consumerId }), aggregateId: consumerId, version: 2, occurredAt: at(PLACED_AT, 300), eventId: randomUUID() },
    orderRejected(created, at(PLACED_AT, 400), reason),
    { contract: ticketCancelledV1, payload: aTicketCancelledV1({ orderId, restaurantId, reason }), aggregateId: orderId, version: 2, occurredAt: at(PLACED_AT, 500), eventId: randomUUID() },
  ];
}

/** Orders cancelled, revised and delivered (with their courier's registration): every part of the row and the delivery stream. */
function lifecycleStories(): NeighbourEvent[] {
  const courierId = randomUUID();
  const [toTheDoor, cancelledOne, revisedOne] = [new OrderStory(), new OrderStory(), new OrderStory()];
  return [
    ...toTheDoor.inOrder(),
    ...Object.values(deliveryAssigned(toTheDoor, courierId)),
    ...Object.values(delivered(toTheDoor, courierId)),
    courierRegistered(courierId, at(PLACED_AT, -1_000)),
    ...cancelledOne.upTo('ticketAccepted'),
    ...Object.values(deliveryAssigned(cancelledOne, courierId)),
    ...Object.values(cancelled(cancelledOne, courierId)),
    ...revisedOne.upTo('ticketAccepted'),
    ...Object.values(revised(revisedOne, [lineOf(menuItem('Mango Lassi', 450), 4)])),
  ];
}

/** The items, every third one twice, in a seeded order. */
function shuffledWithDuplicates<T>(items: readonly T[], seed: number): T[] {
  return shuffled([...items, ...items.filter((_, i) => i % 3 === 0)], seed);
}

describe('order-history: a rebuild replays set-based what the live consumers applied one by one', () => {
  let app: OrderHistoryApp;

  beforeAll(async () => {
    app = await startOrderHistoryApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('a shuffled log with duplicates and stale copies, applied live then replayed in batches: the same rows and timelines', async () => {
    const happy = Array.from({ length: 40 }, () => new OrderStory());
    const events = [...happy.flatMap((story) => story.inOrder()), ...Array.from({ length: 8 }, rejectedStory).flat(), ...Array.from({ length: 4 }, lifecycleStories).flat()];
    // Stale copies under new event ids (an older step of the ticket, published again late): processed, they change no part.
    const stale = happy.slice(0, 5).map((story) => ({ ...story.steps.ticketConfirmed, eventId: randomUUID() }));
    const log = [...shuffledWithDuplicates(events, 42), ...stale];
    for (const event of log) await app.publishEvent(event); // one stream message each: a duplicate is a second message

    const ids = new Set(log.map((event) => event.eventId));
    await eventually(
      () => {
        const settled = new Set(app.outcomes.filter((o) => o.eventId !== null && ids.has(o.eventId)).map((o) => o.eventId));
        if (settled.size < ids.size) throw new Error(`${settled.size}/${ids.size} events settled`);
        expect(app.outcomes.filter((o) => o.eventId !== null && ids.has(o.eventId) && !['processed', 'duplicate'].includes(o.outcome))).toEqual([]);
      },
      { timeoutMs: 60_000 },
    );
    await eventually(async () => {
      const { projections } = (await call(app, 'GET', '/admin/projections')).body as { projections: Array<{ name: string; sources: Array<{ lag: number }> }> };
      expect(projections.find((p) => p.name === 'order-view')?.sources.map((s) => s.lag)).toEqual([0, 0, 0, 0, 0]);
    });

    expect((await call(app, 'POST', '/admin/projections/order-view/rebuild')).status).toBe(202);
    const switched = await eventually(
      async () => {
        const { projections } = (await call(app, 'GET', '/admin/projections')).body as {
          projections: Array<{ name: string; activeVersion: number; failure: string | null; rebuild: { replayedEvents: number; totalEvents: number } | null }>;
        };
        const view = projections.find((p) => p.name === 'order-view');
        if (view?.activeVersion !== ORDER_VIEW_VERSION + 1) throw new Error(`not switched yet: ${JSON.stringify(view)}`);
        return view;
      },
      { timeoutMs: 30_000, intervalMs: 50 },
    );
    // Every message of the five streams was replayed (the duplicates too), none skipped as unreadable.
    expect(switched.rebuild?.replayedEvents).toBe(switched.rebuild?.totalEvents);
    expect(switched.failure).toBeNull();

    const differing = async (query: (table: string) => string, left: string, right: string) =>
      (await app.dataSource.query(`SELECT count(*)::int AS n FROM (${query(left)} EXCEPT ALL ${query(right)}) AS d`))[0].n;
    const [live, replayed] = [orderTablesOf(ORDER_VIEW_VERSION), orderTablesOf(ORDER_VIEW_VERSION + 1)];
    const [orders] = await app.dataSource.query(`SELECT count(*)::int AS live, (SELECT count(*)::int FROM ${replayed.orders}) AS replayed FROM ${live.orders}`);
    expect(orders).toEqual({ live: 60, replayed: 60 });
    expect(await differing(ROW, live.orders, replayed.orders)).toBe(0);
    expect(await differing(ROW, replayed.orders, live.orders)).toBe(0);
    expect(await differing(TIMELINE, live.timeline, replayed.timeline)).toBe(0);
    expect(await differing(TIMELINE, replayed.timeline, live.timeline)).toBe(0);

    // The parts the guards protect came out right, not merely equal: the newest state, the reasons kept.
    const [rejected] = await app.dataSource.query(`SELECT state, ticket_state, ticket_reason, payment_state, payment_reason FROM ${replayed.orders} WHERE state = 'REJECTED' LIMIT 1`);
    expect(rejected).toMatchObject({ ticket_state: 'CANCELLED', ticket_reason: expect.stringContaining('credit'), payment_state: 'DECLINED', payment_reason: expect.any(String) });
    const lifecycle = await app.dataSource.query(
      `SELECT state, payment_state, payment_amount_cents::int AS amount, delivery_state, courier_id IS NOT NULL AS courier, change_type, change_outcome, count(*)::int AS n
       FROM ${replayed.orders} WHERE state IN ('DELIVERED', 'CANCELLED', 'APPROVED') GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1`,
    );
    expect(lifecycle).toEqual([
      { state: 'APPROVED', payment_state: 'AUTHORIZED', amount: 1800, delivery_state: null, courier: false, change_type: 'REVISE', change_outcome: 'DONE', n: 4 },
      { state: 'CANCELLED', payment_state: 'VOIDED', amount: 2997, delivery_state: 'CANCELLED', courier: true, change_type: 'CANCEL', change_outcome: 'DONE', n: 4 },
      { state: 'DELIVERED', payment_state: 'CAPTURED', amount: 2997, delivery_state: 'DELIVERED', courier: true, change_type: null, change_outcome: null, n: 4 },
    ]);
    const states: Array<{ state: string; ticket_state: string; n: number }> = await app.dataSource.query(
      `SELECT state, ticket_state, count(*)::int AS n FROM ${replayed.orders} GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    expect(states).toEqual([
      { state: 'APPROVED', ticket_state: 'ACCEPTED', n: 4 },
      { state: 'CANCELLED', ticket_state: 'CANCELLED', n: 4 },
      { state: 'DELIVERED', ticket_state: 'PICKED_UP', n: 4 },
      { state: 'READY_FOR_PICKUP', ticket_state: 'READY_FOR_PICKUP', n: 40 },
      { state: 'REJECTED', ticket_state: 'CANCELLED', n: 8 },
    ]);
  }, 120_000);
});
