import {
  ticketAcceptedV1,
  ticketCancelledV1,
  ticketCancelRefusedV1,
  ticketConfirmedV1,
  ticketCreatedV1,
  ticketPreparingV1,
  ticketRevisedV1,
  ticketRevisionRefusedV1,
  ticketRevisionUndoneV1,
} from '@brigade/contracts/kitchen';
import { Contract } from '@brigade/contracts/core';
import { EventStore } from '@brigade/event-store';
import { randomUUID } from 'node:crypto';
import { call, HttpAnswer, KitchenApp, PublishedMessage, startKitchenApp } from './kitchen-app';
import { expectedLineItems, expectedRevisedLineItems, OrderFixture, RestaurantFixture } from './kitchen-fixtures';

const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

describe("kitchen service: the order's cancel and revise requests after approval", () => {
  let app: KitchenApp;
  let restaurant: RestaurantFixture;

  beforeAll(async () => {
    app = await startKitchenApp();
    restaurant = new RestaurantFixture(app);
    await restaurant.created();
    await restaurant.opened();
  });

  afterAll(async () => {
    await app?.close();
  });

  const subjectsOf = (messages: PublishedMessage[]) => messages.map((m) => m.subject.slice(app.subjectPrefix.length));
  const storedTypes = async (orderId: string) => (await new EventStore(app.dataSource).readStream(orderId)).map((e) => e.type);
  const ticket = async (orderId: string) => (await call(app, 'GET', `/tickets/${orderId}`)).body;

  function expectPayload<T>(message: PublishedMessage, contract: Contract<T>, payload: T): void {
    expect(message.subject).toBe(`${app.subjectPrefix}${contract.subject}`);
    expect(contract.parse(message.payload)).toEqual(payload);
  }

  /** A ticket of a new, approved order; accepted (over HTTP) when asked. */
  async function anApprovedOrder(accepted = false): Promise<OrderFixture> {
    const order = new OrderFixture(app, restaurant.restaurantId);
    await order.created();
    await app.consumed(await order.approved());
    if (accepted) expect((await call(app, 'POST', `/tickets/${order.orderId}/accept`, { readyBy: inAnHour() })).status).toBe(200);
    return order;
  }

  /** The request is refused with this code and not a single event is stored because of it. */
  async function refused(method: string, path: string, body?: unknown): Promise<HttpAnswer> {
    const before = await app.storedEventCount();
    const answer = await call(app, method, path, body);
    expect(await app.storedEventCount()).toBe(before);
    expect(answer.status).toBe(409);
    return answer;
  }

  describe('orders.order.cancel-requested.v1', () => {
    it("cancels an accepted ticket: publishes kitchen.ticket.cancelled.v1 ('order cancelled'); a repeated request changes nothing", async () => {
      const order = await anApprovedOrder(true);
      const { orderId, restaurantId } = order;

      await order.cancelRequested();

      const messages = await app.publishedFor(orderId, 4);
      expect(subjectsOf(messages)).toEqual([ticketCreatedV1.subject, ticketConfirmedV1.subject, ticketAcceptedV1.subject, ticketCancelledV1.subject]);
      expectPayload(messages[3], ticketCancelledV1, { orderId, restaurantId, reason: 'order cancelled' });
      expect(await ticket(orderId)).toMatchObject({ state: 'CANCELLED', reason: 'order cancelled', version: 4 });

      await app.consumed(await order.cancelRequested());
      expect(await storedTypes(orderId)).toHaveLength(4);
      const preparing = await refused('POST', `/tickets/${orderId}/preparing`);
      expect(preparing.body).toMatchObject({ code: 'KITCHEN.TICKET.ILLEGAL_TRANSITION', details: { state: 'CANCELLED' } });
    });

    it('cancels a ticket awaiting acceptance, which then cannot be accepted (409)', async () => {
      const order = await anApprovedOrder();

      await order.cancelRequested();

      const [, , cancelled] = await app.publishedFor(order.orderId, 3);
      expectPayload(cancelled, ticketCancelledV1, { orderId: order.orderId, restaurantId: order.restaurantId, reason: 'order cancelled' });
      const accept = await refused('POST', `/tickets/${order.orderId}/accept`, { readyBy: inAnHour() });
      expect(accept.body).toMatchObject({ code: 'KITCHEN.TICKET.ILLEGAL_TRANSITION', details: { state: 'CANCELLED' } });
    });

    it("refuses once cooking started: publishes kitchen.ticket.cancel-refused.v1 ('ticket is PREPARING'), the ticket cooks on", async () => {
      const order = await anApprovedOrder(true);
      expect((await call(app, 'POST', `/tickets/${order.orderId}/preparing`)).status).toBe(200);

      await order.cancelRequested();

      const messages = await app.publishedFor(order.orderId, 5);
      expect(subjectsOf(messages).slice(3)).toEqual([ticketPreparingV1.subject, ticketCancelRefusedV1.subject]);
      expectPayload(messages[4], ticketCancelRefusedV1, { orderId: order.orderId, restaurantId: order.restaurantId, reason: 'ticket is PREPARING' });
      expect(await ticket(order.orderId)).toMatchObject({ state: 'PREPARING', reason: null });
      expect((await call(app, 'POST', `/tickets/${order.orderId}/ready`)).status).toBe(200);
    });

    it("refuses an order the kitchen has no ticket for ('no ticket'), and still shows no ticket", async () => {
      const order = new OrderFixture(app, restaurant.restaurantId);

      await order.cancelRequested();

      const [refusal] = await app.publishedFor(order.orderId, 1);
      expectPayload(refusal, ticketCancelRefusedV1, { orderId: order.orderId, restaurantId: order.restaurantId, reason: 'no ticket' });
      expect((await call(app, 'GET', `/tickets/${order.orderId}`)).status).toBe(404);
    });
  });

  describe('orders.order.revision-proposed.v1 and its outcome', () => {
    it('takes the revision (revised.v1), holds accept with 409 REVISION_PENDING, ignores the same proposal again, and is final once the order is revised', async () => {
      const order = await anApprovedOrder();
      const { orderId, restaurantId } = order;

      await order.revisionProposed(1);

      const [, , revised] = await app.publishedFor(orderId, 3);
      expectPayload(revised, ticketRevisedV1, { orderId, restaurantId, revision: 1, lineItems: expectedRevisedLineItems() });
      expect(await ticket(orderId)).toMatchObject({ state: 'AWAITING_ACCEPTANCE', lineItems: expectedRevisedLineItems(), pendingRevision: 1, version: 3 });
      const listed = await call(app, 'GET', `/restaurants/${restaurantId}/tickets?state=AWAITING_ACCEPTANCE&limit=100`);
      expect(listed.body.items).toContainEqual(expect.objectContaining({ orderId, lineItems: expectedRevisedLineItems(), pendingRevision: 1, version: 3 }));
      const held = await refused('POST', `/tickets/${orderId}/accept`, { readyBy: inAnHour() });
      expect(held.body).toMatchObject({ code: 'KITCHEN.TICKET.REVISION_PENDING', details: { orderId, revision: 1 } });

      await app.consumed(await order.revisionProposed(1));
      expect(await storedTypes(orderId)).toEqual(['TicketCreated', 'TicketConfirmed', 'TicketRevised']);
      await app.consumed(await order.revised(1));
      expect(await ticket(orderId)).toMatchObject({ lineItems: expectedRevisedLineItems(), pendingRevision: null, version: 4 });

      const accepted = await call(app, 'POST', `/tickets/${orderId}/accept`, { readyBy: inAnHour() });
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({ state: 'ACCEPTED', lineItems: expectedRevisedLineItems(), pendingRevision: null, version: 5 });
      // The relay publishes in stream order: a second revised.v1 or anything for the memo would sit before accepted.v1.
      const messages = await app.publishedFor(orderId, 4);
      expect(subjectsOf(messages)).toEqual([ticketCreatedV1.subject, ticketConfirmedV1.subject, ticketRevisedV1.subject, ticketAcceptedV1.subject]);
    });

    it('restores the lines when the order rejects the revision (revision-undone.v1), holding preparing with 409 until then', async () => {
      const order = await anApprovedOrder(true);
      const { orderId, restaurantId } = order;
      await order.revisionProposed(1);
      await app.publishedFor(orderId, 4);
      const held = await refused('POST', `/tickets/${orderId}/preparing`);
      expect(held.body).toMatchObject({ code: 'KITCHEN.TICKET.REVISION_PENDING', details: { revision: 1 } });

      await order.revisionRejected(1, 'accounting: increase 900 exceeds available credit 500');

      const messages = await app.publishedFor(orderId, 5);
      expectPayload(messages[4], ticketRevisionUndoneV1, { orderId, restaurantId, revision: 1, lineItems: expectedLineItems() });
      expect(await ticket(orderId)).toMatchObject({ state: 'ACCEPTED', lineItems: expectedLineItems(), pendingRevision: null });
      expect((await call(app, 'POST', `/tickets/${orderId}/preparing`)).status).toBe(200);
    });

    it('refuses once cooking started (revision-refused.v1 naming the state); its rejection then undoes nothing', async () => {
      const order = await anApprovedOrder(true);
      const { orderId, restaurantId } = order;
      expect((await call(app, 'POST', `/tickets/${orderId}/preparing`)).status).toBe(200);

      await order.revisionProposed(1);

      const messages = await app.publishedFor(orderId, 5);
      expectPayload(messages[4], ticketRevisionRefusedV1, { orderId, restaurantId, revision: 1, reason: 'ticket is PREPARING' });
      await app.consumed(await order.revisionRejected(1, 'kitchen: ticket is PREPARING'));
      expect(await storedTypes(orderId)).toEqual([
        'TicketCreated',
        'TicketConfirmed',
        'TicketAccepted',
        'TicketPreparationStarted',
        'TicketRevisionRefused',
      ]);
      expect(await ticket(orderId)).toMatchObject({ state: 'PREPARING', lineItems: expectedLineItems(), pendingRevision: null });
    });

    it('refuses a cancellation while a revision is pending, saying so', async () => {
      const order = await anApprovedOrder();
      await order.revisionProposed(1);

      await order.cancelRequested();

      const messages = await app.publishedFor(order.orderId, 4);
      expectPayload(messages[3], ticketCancelRefusedV1, {
        orderId: order.orderId,
        restaurantId: order.restaurantId,
        reason: 'ticket has revision 1 pending',
      });
      expect(await ticket(order.orderId)).toMatchObject({ state: 'AWAITING_ACCEPTANCE', pendingRevision: 1 });
    });

    it("refuses a revision of an order the kitchen has no ticket for ('no ticket')", async () => {
      const order = new OrderFixture(app, randomUUID());

      await order.revisionProposed(1);

      const [refusal] = await app.publishedFor(order.orderId, 1);
      expectPayload(refusal, ticketRevisionRefusedV1, { orderId: order.orderId, restaurantId: order.restaurantId, revision: 1, reason: 'no ticket' });
    });
  });
});
