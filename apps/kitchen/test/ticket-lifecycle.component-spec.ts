import {
  ticketAcceptedV1,
  ticketCancelledV1,
  ticketConfirmedV1,
  ticketCreatedV1,
  ticketPickedUpV1,
  ticketPreparingV1,
  ticketReadyForPickupV1,
  ticketRejectedV1,
} from '@brigade/contracts/kitchen';
import { Contract } from '@brigade/contracts/core';
import { EventStore } from '@brigade/event-store';
import { Headers } from '@brigade/messaging';
import { eventually } from '@brigade/testing';
import { randomUUID } from 'node:crypto';
import { call, KitchenApp, PublishedMessage, startKitchenApp } from './kitchen-app';
import { DeliveryFixture, expectedLineItems, OrderFixture, RestaurantFixture } from './kitchen-fixtures';

describe('kitchen service: a ticket from the order verdict to pickup', () => {
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
  const newOrder = () => new OrderFixture(app, restaurant.restaurantId);

  function expectPayload<T>(message: PublishedMessage, contract: Contract<T>, payload: T): void {
    expect(message.subject).toBe(`${app.subjectPrefix}${contract.subject}`);
    expect(contract.parse(message.payload)).toEqual(payload);
  }

  it('order created for an open restaurant serving every item: publishes kitchen.ticket.created.v1 (CREATE_PENDING)', async () => {
    const order = newOrder();
    const orderEventId = await order.created();

    const [created] = await app.publishedFor(order.orderId, 1);

    const { orderId, restaurantId } = order;
    expectPayload(created, ticketCreatedV1, { orderId, restaurantId, lineItems: expectedLineItems() });
    const [stored] = await new EventStore(app.dataSource).readStream(orderId);
    expect(created.headers.get(Headers.MsgId)).toBe(stored.eventId);
    expect(created.headers.get(Headers.StreamVersion)).toBe('1');
    expect(created.headers.get(Headers.CausationId)).toBe(orderEventId);
    expect(created.headers.get(Headers.CorrelationId)).toBe(`corr-${orderId}`);
    const ticket = await call(app, 'GET', `/tickets/${orderId}`);
    expect(ticket.status).toBe(200);
    expect(ticket.body).toEqual({
      orderId,
      restaurantId,
      state: 'CREATE_PENDING',
      lineItems: expectedLineItems(),
      readyBy: null,
      reason: null,
      pendingRevision: null,
      version: 1,
    });
  });

  it('approved, then accepted, preparing and ready over HTTP: publishes confirmed, accepted, preparing, ready-for-pickup in order', async () => {
    const order = newOrder();
    const { orderId, restaurantId } = order;
    await order.created();
    await order.approved();
    const [, confirmed] = await app.publishedFor(orderId, 2);
    expectPayload(confirmed, ticketConfirmedV1, { orderId, restaurantId });

    const readyBy = new Date(Date.now() + 30 * 60_000).toISOString();
    const accepted = await call(app, 'POST', `/tickets/${orderId}/accept`, { readyBy });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ orderId, state: 'ACCEPTED', readyBy, version: 3 });
    const preparing = await call(app, 'POST', `/tickets/${orderId}/preparing`);
    expect(preparing.status).toBe(200);
    expect(preparing.body).toMatchObject({ state: 'PREPARING', readyBy, version: 4 });
    const ready = await call(app, 'POST', `/tickets/${orderId}/ready`);
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ state: 'READY_FOR_PICKUP', readyBy, version: 5 });

    const messages = await app.publishedFor(orderId, 5);
    expect(subjectsOf(messages)).toEqual([
      ticketCreatedV1.subject,
      ticketConfirmedV1.subject,
      ticketAcceptedV1.subject,
      ticketPreparingV1.subject,
      ticketReadyForPickupV1.subject,
    ]);
    expectPayload(messages[2], ticketAcceptedV1, { orderId, restaurantId, readyBy });
    expectPayload(messages[3], ticketPreparingV1, { orderId, restaurantId });
    expectPayload(messages[4], ticketReadyForPickupV1, { orderId, restaurantId });
    expect(messages.map((m) => m.headers.get(Headers.StreamVersion))).toEqual(['1', '2', '3', '4', '5']);

    const listed = await call(app, 'GET', `/restaurants/${restaurantId}/tickets?state=READY_FOR_PICKUP&limit=100`);
    expect(listed.status).toBe(200);
    expect(listed.body.nextCursor).toBeNull();
    expect(listed.body.items).toContainEqual({
      orderId,
      restaurantId,
      state: 'READY_FOR_PICKUP',
      lineItems: expectedLineItems(),
      readyBy,
      reason: null,
      pendingRevision: null,
      version: 5,
    });
    expect(listed.body.items.every((t: { state: string }) => t.state === 'READY_FOR_PICKUP')).toBe(true);
  });

  it('picked up by the courier (delivery.delivery.picked-up.v1): publishes kitchen.ticket.picked-up.v1 once, the ticket is PICKED_UP', async () => {
    const order = newOrder();
    const { orderId, restaurantId } = order;
    await order.created();
    await app.consumed(await order.approved());
    const readyBy = new Date(Date.now() + 30 * 60_000).toISOString();
    expect((await call(app, 'POST', `/tickets/${orderId}/accept`, { readyBy })).status).toBe(200);
    expect((await call(app, 'POST', `/tickets/${orderId}/preparing`)).status).toBe(200);
    expect((await call(app, 'POST', `/tickets/${orderId}/ready`)).status).toBe(200);
    const delivery = new DeliveryFixture(app, order);

    await delivery.pickedUp();

    const messages = await app.publishedFor(orderId, 6);
    expect(subjectsOf(messages).at(-1)).toBe(ticketPickedUpV1.subject);
    expectPayload(messages[5], ticketPickedUpV1, { orderId, restaurantId });
    expect((await call(app, 'GET', `/tickets/${orderId}`)).body).toMatchObject({ state: 'PICKED_UP', readyBy, version: 6 });
    const listed = await call(app, 'GET', `/restaurants/${restaurantId}/tickets?state=PICKED_UP`);
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual({ items: [expect.objectContaining({ orderId, state: 'PICKED_UP', version: 6 })], nextCursor: null });

    await app.consumed(await delivery.pickedUp());
    expect(await new EventStore(app.dataSource).readStream(orderId)).toHaveLength(6);
    const again = await call(app, 'POST', `/tickets/${orderId}/ready`);
    expect(again.body).toMatchObject({ code: 'KITCHEN.TICKET.ILLEGAL_TRANSITION', details: { state: 'PICKED_UP' } });
  });

  it('order rejected after the ticket was created: publishes kitchen.ticket.cancelled.v1 with the reason', async () => {
    const order = newOrder();
    await order.created();
    await order.rejected('consumers: consumer is suspended');

    const [, cancelled] = await app.publishedFor(order.orderId, 2);

    expectPayload(cancelled, ticketCancelledV1, { orderId: order.orderId, restaurantId: order.restaurantId, reason: 'consumers: consumer is suspended' });
    expect((await call(app, 'GET', `/tickets/${order.orderId}`)).body).toMatchObject({ state: 'CANCELLED', reason: 'consumers: consumer is suspended' });
  });

  it('order rejected before it was created: nothing is published until the ticket arrives, which is cancelled at once', async () => {
    const order = newOrder();
    const rejection = await order.rejected('saga deadline passed');
    await app.consumed(rejection);
    expect((await new EventStore(app.dataSource).readStream(order.orderId)).map((e) => e.type)).toEqual(['OrderRejectionNoted']);
    expect(app.published.filter((m) => m.aggregateId === order.orderId)).toEqual([]);
    expect((await call(app, 'GET', `/tickets/${order.orderId}`)).status).toBe(404);

    await order.created();

    const messages = await app.publishedFor(order.orderId, 2);
    expect(subjectsOf(messages)).toEqual([ticketCreatedV1.subject, ticketCancelledV1.subject]);
    expectPayload(messages[1], ticketCancelledV1, { orderId: order.orderId, restaurantId: order.restaurantId, reason: 'saga deadline passed' });
  });

  it('a restaurant that is closed: publishes kitchen.ticket.rejected.v1 naming the reason', async () => {
    const closed = new RestaurantFixture(app);
    await closed.created();
    await closed.opened();
    await closed.closed();
    const order = new OrderFixture(app, closed.restaurantId);
    await order.created();

    const [rejected] = await app.publishedFor(order.orderId, 1);

    expectPayload(rejected, ticketRejectedV1, { orderId: order.orderId, restaurantId: closed.restaurantId, reason: `restaurant ${closed.restaurantId} is closed` });
    expect((await call(app, 'GET', `/tickets/${order.orderId}`)).body).toMatchObject({ state: 'REJECTED' });
  });

  it('a restaurant that closes after a ticket was made: the next order is rejected (the restaurant kept in memory follows it)', async () => {
    const closing = new RestaurantFixture(app);
    await closing.created();
    await closing.opened();
    const before = new OrderFixture(app, closing.restaurantId);
    await before.created();
    expect(subjectsOf(await app.publishedFor(before.orderId, 1))).toEqual([ticketCreatedV1.subject]);

    await closing.closed();
    const after = new OrderFixture(app, closing.restaurantId);
    await after.created();

    const [rejected] = await app.publishedFor(after.orderId, 1);
    expectPayload(rejected, ticketRejectedV1, { orderId: after.orderId, restaurantId: closing.restaurantId, reason: `restaurant ${closing.restaurantId} is closed` });
  });

  it('a restaurant the kitchen never heard of: rejected.v1', async () => {
    const order = new OrderFixture(app, randomUUID());
    await order.created();

    const [rejected] = await app.publishedFor(order.orderId, 1);

    expectPayload(rejected, ticketRejectedV1, { orderId: order.orderId, restaurantId: order.restaurantId, reason: expect.stringMatching(/unknown/) });
  });

  it('an item no longer on the revised menu: rejected.v1 naming the item', async () => {
    const revised = new RestaurantFixture(app);
    await revised.created();
    await revised.opened();
    const [keep, dropped] = expectedLineItems();
    await revised.menuRevised([{ menuItemId: keep.menuItemId, name: keep.name, priceCents: 1299 }]);
    const order = new OrderFixture(app, revised.restaurantId);
    await order.created();

    const [rejected] = await app.publishedFor(order.orderId, 1);

    expect(rejected.subject).toBe(`${app.subjectPrefix}${ticketRejectedV1.subject}`);
    expect(ticketRejectedV1.parse(rejected.payload).reason).toContain(dropped.menuItemId);
  });

  it('the same order-created delivered twice (same event id) has one effect; another copy of the order changes nothing', async () => {
    const order = newOrder();
    const eventId = randomUUID();
    await order.created({}, { eventId, msgId: randomUUID() });
    await order.created({}, { eventId, msgId: randomUUID() });
    const recopied = await order.created();

    await eventually(() => {
      expect(app.outcomes.filter((o) => o.eventId === eventId).map((o) => o.outcome).sort()).toEqual(['duplicate', 'processed']);
    });
    await app.consumed(recopied);
    expect(await new EventStore(app.dataSource).readStream(order.orderId)).toHaveLength(1);
    expect(subjectsOf(await app.publishedFor(order.orderId, 1))).toEqual([ticketCreatedV1.subject]);
  });
});
