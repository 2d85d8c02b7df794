import { aPaymentDeclinedV1, paymentDeclinedV1 } from '@brigade/contracts/accounting';
import { aTicketCancelledV1, ticketCancelledV1 } from '@brigade/contracts/kitchen';
import { anOrderCreatedV1, anOrderRejectedV1, orderRejectedV1 } from '@brigade/contracts/orders';
import { randomUUID } from 'node:crypto';
import { call, NeighbourEvent, OrderHistoryApp, startOrderHistoryApp } from './order-history-app';
import { at, OrderStory, PLACED_AT, READY_BY, StepName } from './order-story';

describe('order-history: one order view built from every context\'s events', () => {
  let app: OrderHistoryApp;
  /** A story delivered in the order things happened: every other delivery of a story must give its view. */
  const reference = new OrderStory();

  beforeAll(async () => {
    app = await startOrderHistoryApp();
    for (const e of reference.inOrder()) expect((await app.deliver(e)).outcome).toBe('processed');
  });

  afterAll(async () => {
    await app?.close();
  });

  const viewOf = async (orderId: string) => {
    const answer = await call(app, 'GET', `/order-history/orders/${orderId}`);
    expect(answer.status).toBe(200);
    return answer.body;
  };

  async function deliverAll(story: OrderStory, steps: readonly StepName[]): Promise<void> {
    for (const step of steps) expect((await app.deliver(story.steps[step])).outcome).toBe('processed');
  }

  it('the happy path: names, lines, total, approved and cooked (READY_FOR_PICKUP, the ticket with readyBy), payment, and the timeline in time order', async () => {
    const story = reference;

    const view = await viewOf(story.orderId);

    const { lineItems, orderTotalCents } = anOrderCreatedV1();
    const timelineSteps: StepName[] = [
      'orderCreated',
      'consumerValidated',
      'ticketCreated',
      'paymentAuthorized',
      'orderApproved',
      'ticketConfirmed',
      'ticketAccepted',
      'ticketPreparing',
      'ticketReady',
    ];
    expect(view).toEqual({
      orderId: story.orderId,
      consumerId: story.consumerId,
      consumerName: 'Ada Lovelace',
      restaurantId: story.restaurantId,
      restaurantName: 'Ajanta',
      lineItems,
      orderTotalCents,
      placedAt: PLACED_AT,
      state: 'READY_FOR_PICKUP',
      rejectionReason: null,
      lastChange: null,
      ticket: { state: 'READY_FOR_PICKUP', readyBy: READY_BY, reason: null },
      payment: { state: 'AUTHORIZED', amountCents: orderTotalCents, reason: null },
      delivery: null,
      timeline: timelineSteps.map((step) => ({
        eventId: story.steps[step].eventId,
        subject: story.steps[step].contract.subject,
        occurredAt: story.steps[step].occurredAt,
      })),
    });
  });

  it('out of order: ticket, payment and registration before the order, approval before creation, ticket steps shuffled, restaurant last: the same view', async () => {
    const story = new OrderStory();
    await deliverAll(story, [
      'ticketCreated',
      'paymentAuthorized',
      'consumerRegistered',
      'ticketReady',
      'ticketConfirmed',
      'consumerValidated',
      'orderApproved',
      'ticketAccepted',
    ]);
    const early = await viewOf(story.orderId);
    expect(early).toMatchObject({
      consumerName: 'Ada Lovelace',
      restaurantName: null,
      lineItems: [],
      placedAt: null,
      state: 'READY_FOR_PICKUP',
      ticket: { state: 'READY_FOR_PICKUP', readyBy: READY_BY },
      payment: { state: 'AUTHORIZED' },
    });

    await deliverAll(story, ['orderCreated', 'ticketPreparing', 'restaurantCreated']);

    expect(story.normalise(await viewOf(story.orderId))).toEqual(reference.normalise(await viewOf(reference.orderId)));
  });

  it('duplicates: every event delivered twice (a second copy under another Nats-Msg-Id), then the whole history again backwards: the same view and timeline', async () => {
    const story = new OrderStory();
    for (const e of story.inOrder()) {
      expect((await app.deliver(e, e.eventId)).outcome).toBe('processed');
      expect((await app.deliver(e, randomUUID())).outcome).toBe('duplicate');
    }
    for (const e of [...story.inOrder()].reverse()) expect((await app.deliver(e)).outcome).toBe('duplicate');

    expect(story.normalise(await viewOf(story.orderId))).toEqual(reference.normalise(await viewOf(reference.orderId)));
  });

  it('a rejected order: REJECTED with the reason, the ticket cancelled with it, the declined payment with accounting\'s reason', async () => {
    const story = new OrderStory();
    await deliverAll(story, ['restaurantCreated', 'consumerRegistered', 'orderCreated', 'ticketCreated']);
    const { orderId, consumerId, restaurantId } = story;
    const reason = 'accounting: total 2997 exceeds available credit 1000';
    const declined = aPaymentDeclinedV1({ orderId, consumerId, reason: 'total 2997 cents exceeds available credit 1000 cents' });
    const answers: NeighbourEvent[] = [
      { contract: paymentDeclinedV1, payload: declined, aggregateId: consumerId, version: 2, occurredAt: at(PLACED_AT, 300), eventId: randomUUID() },
      {
        contract: orderRejectedV1,
        payload: anOrderRejectedV1({ orderId, consumerId, restaurantId, rejectionReason: reason }),
        aggregateId: orderId,
        version: 2,
        occurredAt: at(PLACED_AT, 400),
        eventId: randomUUID(),
      },
      { contract: ticketCancelledV1, payload: aTicketCancelledV1({ orderId, restaurantId, reason }), aggregateId: orderId, version: 2, occurredAt: at(PLACED_AT, 500), eventId: randomUUID() },
    ];
    for (const e of answers) expect((await app.deliver(e)).outcome).toBe('processed');

    expect(await viewOf(orderId)).toMatchObject({
      state: 'REJECTED',
      rejectionReason: reason,
      ticket: { state: 'CANCELLED', readyBy: null, reason },
      payment: { state: 'DECLINED', amountCents: declined.amountCents, reason: declined.reason },
    });
    expect((await viewOf(orderId)).timeline.map((entry: { subject: string }) => entry.subject)).toEqual([
      'orders.order.created.v1',
      'kitchen.ticket.created.v1',
      'accounting.payment.declined.v1',
      'orders.order.rejected.v1',
      'kitchen.ticket.cancelled.v1',
    ]);
  });

  it('GET an order no event has mentioned: 404 ORDER_HISTORY.ORDER.NOT_FOUND; a malformed id: 400 naming orderId', async () => {
    const unknown = await call(app, 'GET', `/order-history/orders/${randomUUID()}`);
    expect(unknown.status).toBe(404);
    expect(unknown.contentType).toMatch(/^application\/problem\+json/);
    expect(unknown.body.code).toBe('ORDER_HISTORY.ORDER.NOT_FOUND');

    const malformed = await call(app, 'GET', '/order-history/orders/not-a-uuid');
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors).toEqual([expect.objectContaining({ field: 'orderId' })]);
  });
});
