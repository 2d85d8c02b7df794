import { anOrderCreatedV1 } from '@brigade/contracts/orders';
import { eventually, shuffled } from '@brigade/testing';
import { randomUUID } from 'node:crypto';
import { DECIDED_STATES, DELIVERY_STATES, TICKET_STATES } from '../src/projections/order-view/order-history.view';
import { lifecycleState } from '../src/projections/order-view/order-lifecycle';
import { call, NeighbourEvent, ORDER_VIEW_VERSION, OrderHistoryApp, orderTablesOf, startOrderHistoryApp } from './order-history-app';
import {
  cancelled,
  COURIER_NAME,
  courierRegistered,
  delivered,
  deliveryAssigned,
  lineOf,
  menuItem,
  OrderStory,
  PLACED_AT,
  READY_BY,
  revised,
  StepName,
  at,
} from './order-story';

/** One order's events by name, its story (ids) and its courier. */
interface Life {
  readonly story: OrderStory;
  readonly courierId: string;
  readonly steps: Readonly<Record<string, NeighbourEvent>>;
}

/** The story's steps up to `last` (in the order they happened). */
function storyUpTo(story: OrderStory, last: StepName): Record<string, NeighbourEvent> {
  const names = Object.keys(story.steps) as StepName[];
  return Object.fromEntries(names.slice(0, names.indexOf(last) + 1).map((name) => [name, story.steps[name]]));
}

function life(story: OrderStory, build: (story: OrderStory, courierId: string) => Record<string, NeighbourEvent>): Life {
  const courierId = randomUUID();
  return { story, courierId, steps: build(story, courierId) };
}

/** Cancelled once the ticket was accepted and a courier assigned (the courier registered only afterwards). */
const cancelledLife = (story = new OrderStory()): Life =>
  life(story, (s, courierId) => ({
    ...storyUpTo(s, 'ticketAccepted'),
    ...deliveryAssigned(s, courierId),
    ...cancelled(s, courierId),
    courierRegistered: courierRegistered(courierId, at(PLACED_AT, 90_000)),
  }));

/** The whole way to the door: cooked, picked up, delivered, paid. */
const deliveredLife = (story = new OrderStory()): Life =>
  life(story, (s, courierId) => ({
    ...storyUpTo(s, 'ticketReady'),
    ...deliveryAssigned(s, courierId),
    courierRegistered: courierRegistered(courierId, at(PLACED_AT, -60_000)),
    ...delivered(s, courierId),
  }));

const REVISED_LINES = [lineOf(menuItem('Chicken Vindaloo', 1299), 3), lineOf(menuItem('Mango Lassi', 450), 2)];
const revisedLife = (story = new OrderStory()): Life => life(story, (s) => ({ ...storyUpTo(s, 'ticketAccepted'), ...revised(s, REVISED_LINES) }));

/** Registrations and restaurants are not about the order: everything else is on its timeline, in time order. */
const NOT_ON_TIMELINE = new Set(['restaurantCreated', 'consumerRegistered', 'courierRegistered']);
function expectedTimeline({ steps }: Life) {
  return Object.entries(steps)
    .filter(([name]) => !NOT_ON_TIMELINE.has(name))
    .map(([, e]) => ({ eventId: e.eventId, subject: e.contract.subject, occurredAt: e.occurredAt }))
    .sort((a, b) => (a.occurredAt === b.occurredAt ? (a.eventId < b.eventId ? -1 : 1) : a.occurredAt < b.occurredAt ? -1 : 1));
}

/** The view with the life's ids replaced by names, so lives delivered differently can be compared. */
function normalised({ story, courierId, steps }: Life, view: unknown): unknown {
  let text = JSON.stringify(view);
  const names: Array<[string, string]> = [
    [story.orderId, '<order>'],
    [story.consumerId, '<consumer>'],
    [story.restaurantId, '<restaurant>'],
    [courierId, '<courier>'],
    ...Object.entries(steps).map(([name, e]): [string, string] => [e.eventId, `<${name}>`]),
  ];
  for (const [id, name] of names) text = text.split(id).join(name);
  return JSON.parse(text);
}

describe('order-history: cancelled, revised and delivered orders, from every context\'s events', () => {
  let app: OrderHistoryApp;

  beforeAll(async () => {
    app = await startOrderHistoryApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  async function deliverAll(events: readonly NeighbourEvent[]): Promise<void> {
    for (const e of events) expect((await app.deliver(e)).outcome).toBe('processed');
  }

  const viewOf = async (orderId: string) => {
    const answer = await call(app, 'GET', `/order-history/orders/${orderId}`);
    expect(answer.status).toBe(200);
    return answer.body;
  };

  /** GET /status once Redis serves it (written after each commit; the default Redis of the tests). */
  const statusFromRedis = (orderId: string, expected: Record<string, unknown>) =>
    eventually(async () => {
      const answer = await call(app, 'GET', `/order-history/orders/${orderId}/status`);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject(expected);
      expect(answer.headers.get('x-served-from')).toBe('redis');
    });

  describe('a cancelled order', () => {
    const inOrder = cancelledLife();

    beforeAll(async () => {
      await deliverAll(Object.values(inOrder.steps));
    });

    it('in order: CANCELLED, the cancellation done, the ticket and delivery cancelled, the hold voided, every event on the timeline with its time', async () => {
      const { story, courierId } = inOrder;
      const { lineItems, orderTotalCents } = anOrderCreatedV1();

      expect(await viewOf(story.orderId)).toEqual({
        orderId: story.orderId,
        consumerId: story.consumerId,
        consumerName: 'Ada Lovelace',
        restaurantId: story.restaurantId,
        restaurantName: 'Ajanta',
        lineItems,
        orderTotalCents,
        placedAt: PLACED_AT,
        state: 'CANCELLED',
        rejectionReason: null,
        lastChange: { type: 'CANCEL', outcome: 'DONE', reason: null },
        ticket: { state: 'CANCELLED', readyBy: READY_BY, reason: 'order cancelled' },
        payment: { state: 'VOIDED', amountCents: orderTotalCents, reason: null },
        delivery: { state: 'CANCELLED', courierId, courierName: COURIER_NAME },
        timeline: expectedTimeline(inOrder),
      });
      expect(expectedTimeline(inOrder).map((entry) => entry.subject)).toEqual(
        expect.arrayContaining([
          'orders.order.cancel-requested.v1',
          'kitchen.ticket.cancelled.v1',
          'orders.order.cancelled.v1',
          'accounting.payment.voided.v1',
          'delivery.delivery.created.v1',
          'delivery.delivery.courier-assigned.v1',
          'delivery.delivery.cancelled.v1',
        ]),
      );
      await statusFromRedis(story.orderId, { state: 'CANCELLED', ticketState: 'CANCELLED', paymentState: 'VOIDED', deliveryState: 'CANCELLED', courierId });
    });

    it.each([3, 17, 42])('shuffled (seed %i), every context\'s events interleaved in another order: the same view', async (seed) => {
      const other = cancelledLife();
      await deliverAll(shuffled(Object.values(other.steps), seed));

      expect(normalised(other, await viewOf(other.story.orderId))).toEqual(normalised(inOrder, await viewOf(inOrder.story.orderId)));
    });
  });

  describe('a revised order', () => {
    const inOrder = revisedLife();
    const total = REVISED_LINES.reduce((sum, line) => sum + line.priceCents * line.quantity, 0);

    beforeAll(async () => {
      await deliverAll(Object.values(inOrder.steps));
    });

    it('APPROVED again with the revised lines and total, the hold at the new amount, the revision on the timeline; found by its new items', async () => {
      const { story } = inOrder;
      const view = await viewOf(story.orderId);

      expect(view).toMatchObject({
        state: 'APPROVED',
        lineItems: REVISED_LINES,
        orderTotalCents: total,
        placedAt: PLACED_AT,
        lastChange: { type: 'REVISE', outcome: 'DONE', reason: null },
        ticket: { state: 'ACCEPTED', readyBy: READY_BY },
        payment: { state: 'AUTHORIZED', amountCents: total, reason: null },
        delivery: null,
      });
      expect(view.timeline).toEqual(expectedTimeline(inOrder));
      expect(view.timeline.map((entry: { subject: string }) => entry.subject).slice(-4)).toEqual([
        'orders.order.revision-proposed.v1',
        'kitchen.ticket.revised.v1',
        'accounting.payment.revised.v1',
        'orders.order.revised.v1',
      ]);
      const found = await call(app, 'GET', `/order-history/consumers/${story.consumerId}/orders?q=lassi`);
      expect(found.body.items).toEqual([expect.objectContaining({ orderId: story.orderId, orderTotalCents: total, state: 'APPROVED' })]);
      await statusFromRedis(story.orderId, { state: 'APPROVED', orderTotalCents: total, deliveryState: null, courierId: null });
    });

    it('shuffled: the revision arriving before the order it revises still leaves the revised lines, and the order placed when it was', async () => {
      const other = revisedLife();
      const { orderCreated, orderRevised, revisionProposed, ...rest } = other.steps;
      await deliverAll([orderRevised, ...shuffled(Object.values(rest), 5), revisionProposed, orderCreated]);

      expect(normalised(other, await viewOf(other.story.orderId))).toEqual(normalised(inOrder, await viewOf(inOrder.story.orderId)));
    });

    it('a revision still pending: REVISION_PENDING, the lines as placed', async () => {
      const pending = revisedLife();
      const { orderRevised: _revised, ticketRevised: _ticketRevised, paymentRevised: _paymentRevised, ...proposed } = pending.steps;
      await deliverAll(Object.values(proposed));

      expect(await viewOf(pending.story.orderId)).toMatchObject({
        state: 'REVISION_PENDING',
        lineItems: anOrderCreatedV1().lineItems,
        lastChange: { type: 'REVISE', outcome: 'PENDING', reason: null },
        payment: { state: 'AUTHORIZED', amountCents: anOrderCreatedV1().orderTotalCents },
      });
    });
  });

  describe('a delivered order', () => {
    const inOrder = deliveredLife();

    beforeAll(async () => {
      await deliverAll(Object.values(inOrder.steps));
    });

    it('DELIVERED: the delivery with its courier by name, the ticket picked up, the payment CAPTURED, every step on the timeline', async () => {
      const { story, courierId } = inOrder;
      const { orderTotalCents } = anOrderCreatedV1();

      const view = await viewOf(story.orderId);

      expect(view).toMatchObject({
        state: 'DELIVERED',
        lastChange: null,
        ticket: { state: 'PICKED_UP', readyBy: READY_BY, reason: null },
        payment: { state: 'CAPTURED', amountCents: orderTotalCents, reason: null },
        delivery: { state: 'DELIVERED', courierId, courierName: COURIER_NAME },
      });
      expect(view.timeline).toEqual(expectedTimeline(inOrder));
      expect(view.timeline.map((entry: { subject: string }) => entry.subject).slice(-4)).toEqual([
        'delivery.delivery.picked-up.v1',
        'kitchen.ticket.picked-up.v1',
        'delivery.delivery.delivered.v1',
        'accounting.payment.captured.v1',
      ]);
      await statusFromRedis(story.orderId, { state: 'DELIVERED', ticketState: 'PICKED_UP', paymentState: 'CAPTURED', deliveryState: 'DELIVERED', courierId });
    });

    it('step by step: PREPARING, READY_FOR_PICKUP, PICKED_UP (from either the delivery or the ticket), DELIVERED; the courier named once registered', async () => {
      const other = deliveredLife();
      const s = other.steps;
      const stateAfter = async (...events: NeighbourEvent[]) => {
        await deliverAll(events);
        return (await viewOf(other.story.orderId)) as { state: string; delivery: unknown };
      };

      const { ticketPreparing, ticketReady, deliveryPickedUp, ticketPickedUp, deliveryDelivered, paymentCaptured, courierRegistered: registered, ...before } = s;
      expect(await stateAfter(...Object.values(before))).toMatchObject({
        state: 'APPROVED',
        delivery: { state: 'ASSIGNED', courierId: other.courierId, courierName: null },
      });
      expect((await stateAfter(ticketPreparing)).state).toBe('PREPARING');
      expect((await stateAfter(ticketReady)).state).toBe('READY_FOR_PICKUP');
      expect((await stateAfter(ticketPickedUp)).state).toBe('PICKED_UP');
      expect((await stateAfter(deliveryPickedUp)).state).toBe('PICKED_UP');
      expect((await stateAfter(deliveryDelivered)).state).toBe('DELIVERED');
      expect(await stateAfter(registered, paymentCaptured)).toMatchObject({ delivery: { courierName: COURIER_NAME } });

      expect(normalised(other, await viewOf(other.story.orderId))).toEqual(normalised(inOrder, await viewOf(inOrder.story.orderId)));
    });
  });

  describe("a consumer's history filtered by the new states", () => {
    const consumerId = randomUUID();
    const lives = {
      delivered: deliveredLife(new OrderStory({ consumerId })),
      cancelled: cancelledLife(new OrderStory({ consumerId })),
      revised: revisedLife(new OrderStory({ consumerId })),
      preparing: life(new OrderStory({ consumerId }), (s) => storyUpTo(s, 'ticketPreparing')),
    };
    const idOf = (name: keyof typeof lives) => lives[name].story.orderId;

    beforeAll(async () => {
      // Each life registers the one consumer again (another event id): a registration repeated changes nothing.
      for (const { steps } of Object.values(lives)) await deliverAll(Object.values(steps));
    });

    const history = (query: string) => call(app, 'GET', `/order-history/consumers/${consumerId}/orders${query}`);
    const idsIn = async (query: string): Promise<string[]> => {
      const answer = await history(query);
      expect(answer.status).toBe(200);
      return answer.body.items.map((item: { orderId: string }) => item.orderId);
    };

    it.each([
      ['DELIVERED', ['delivered']],
      ['CANCELLED', ['cancelled']],
      ['PREPARING', ['preparing']],
      ['APPROVED', ['revised']],
      ['CANCEL_PENDING', []],
      ['PICKED_UP', []],
    ] as const)('?status=%s lists %j', async (status, names) => {
      expect(await idsIn(`?status=${status}`)).toEqual(names.map(idOf));
    });

    it('every order listed carries its state and delivery state; combined with a search', async () => {
      const answer = await history('');
      const byId = new Map(answer.body.items.map((item: { orderId: string }) => [item.orderId, item]));
      expect(byId.get(idOf('delivered'))).toMatchObject({ state: 'DELIVERED', ticketState: 'PICKED_UP', paymentState: 'CAPTURED', deliveryState: 'DELIVERED' });
      expect(byId.get(idOf('cancelled'))).toMatchObject({ state: 'CANCELLED', paymentState: 'VOIDED', deliveryState: 'CANCELLED' });
      expect(await idsIn('?status=APPROVED&q=lassi')).toEqual([idOf('revised')]);
      expect(await idsIn('?status=DELIVERED&q=lassi')).toEqual([]);
    });

    it.each(['SHIPPED', 'delivered', 'PICKED-UP'])('refuses ?status=%s with a 400 problem naming status, listing the states', async (status) => {
      const answer = await history(`?status=${status}`);
      expect(answer.status).toBe(400);
      expect(answer.contentType).toMatch(/^application\/problem\+json/);
      expect(answer.body.errors).toEqual([expect.objectContaining({ field: 'status', message: expect.stringContaining('REVISION_PENDING') })]);
    });
  });

  it('/docs-json documents the new parts: the delivery with its courier, the last change, every state in the enums', async () => {
    const { components } = (await call(app, 'GET', '/docs-json')).body;
    const schema = (name: string) => components.schemas[name];
    expect(Object.keys(schema('OrderHistoryResponse').properties)).toEqual(expect.arrayContaining(['delivery', 'lastChange', 'timeline']));
    expect(schema('DeliveryProgressResponse').properties).toMatchObject({
      state: { enum: ['PENDING', 'ASSIGNED', 'PICKED_UP', 'DELIVERED', 'CANCELLED'] },
      courierId: expect.anything(),
      courierName: expect.anything(),
    });
    expect(schema('LastChangeResponse').properties.outcome.enum).toEqual(['PENDING', 'DONE', 'REFUSED']);
    expect(schema('OrderHistoryResponse').properties.state.enum).toEqual(expect.arrayContaining(['CANCEL_PENDING', 'REVISION_PENDING', 'PICKED_UP', 'DELIVERED']));
    expect(schema('PaymentProgressResponse').properties.state.enum).toContain('CAPTURED');
    expect(schema('TicketProgressResponse').properties.state.enum).toContain('PICKED_UP');
    expect(Object.keys(schema('OrderStatusResponse').properties)).toEqual(expect.arrayContaining(['deliveryState', 'courierId']));
    expect(Object.keys(schema('OrderSummaryResponse').properties)).toContain('deliveryState');
  });

  it("the table derives every row's state as lifecycleState does, for every combination of the parts", async () => {
    const { orders } = orderTablesOf(ORDER_VIEW_VERSION);
    const combinations = [null, ...DECIDED_STATES].flatMap((decided) =>
      [null, ...TICKET_STATES].flatMap((ticket) => [null, ...DELIVERY_STATES].map((delivery) => ({ orderId: randomUUID(), decided, ticket, delivery }))),
    );
    await app.dataSource.query(
      `INSERT INTO ${orders} (order_id, order_state, ticket_state, delivery_state) SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[])`,
      [combinations.map((c) => c.orderId), combinations.map((c) => c.decided), combinations.map((c) => c.ticket), combinations.map((c) => c.delivery)],
    );
    try {
      const rows: Array<{ order_id: string; state: string | null }> = await app.dataSource.query(`SELECT order_id, state FROM ${orders} WHERE order_id = ANY($1::uuid[])`, [
        combinations.map((c) => c.orderId),
      ]);
      const stored = new Map(rows.map((row) => [row.order_id, row.state]));
      const differing = combinations.filter((c) => stored.get(c.orderId) !== lifecycleState(c.decided, c.ticket, c.delivery));
      expect(combinations).toHaveLength(7 * 9 * 6);
      expect(differing).toEqual([]);
    } finally {
      await app.dataSource.query(`DELETE FROM ${orders} WHERE order_id = ANY($1::uuid[])`, [combinations.map((c) => c.orderId)]);
    }
  });
});
