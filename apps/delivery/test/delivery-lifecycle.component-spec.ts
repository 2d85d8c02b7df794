import { Contract } from '@brigade/contracts/core';
import { deliveryCourierAssignedV1, deliveryCreatedV1, deliveryDeliveredV1, deliveryPickedUpV1 } from '@brigade/contracts/delivery';
import { EventStore } from '@brigade/event-store';
import { Headers } from '@brigade/messaging';
import { eventually } from '@brigade/testing';
import { aCourier, call, DeliveryApp, deliveryOnce, PublishedMessage, setAvailable } from './delivery-app';
import { aRestaurant, inHalfAnHour, OrderFixture, orderAddress, restaurantAddress } from './delivery-fixtures';

describe('delivery service: a delivery from the order’s approval to the door', () => {
  let app: DeliveryApp;
  let restaurantId: string;

  beforeAll(async () => {
    app = await DeliveryApp.start();
    restaurantId = await aRestaurant(app);
  });

  afterEach(async () => {
    // The board is shared by the file: a courier left free would take the next test's delivery.
    expect(await app.board()).toEqual({ free: [], waiting: [] });
  });

  afterAll(async () => {
    await app?.close();
  });

  const newOrder = () => new OrderFixture(app, restaurantId);

  function expectPayload<T>(message: PublishedMessage, contract: Contract<T>, payload: T): void {
    expect(message.subject).toBe(`${app.subjectPrefix}${contract.subject}`);
    expect(contract.parse(message.payload)).toEqual(payload);
  }

  it('order created, then approved: publishes delivery.delivery.created.v1 (PENDING) from the restaurant’s address to the order’s', async () => {
    const order = newOrder();
    const { orderId, consumerId } = order;
    await app.consumed(await order.created());
    expect(app.subjectsFor(orderId)).toEqual([]);
    expect((await call(app, 'GET', `/deliveries/${orderId}`)).status).toBe(404);
    const approvedEventId = await order.approved();

    const [created] = await app.publishedFor(orderId, 1);

    expectPayload(created, deliveryCreatedV1, { orderId, consumerId, restaurantId, pickupAddress: restaurantAddress, deliveryAddress: orderAddress });
    const stored = await new EventStore(app.dataSource).readStream(orderId);
    expect(stored.map((e) => e.type)).toEqual(['OrderNoted', 'DeliveryCreated']);
    expect(created.headers.get(Headers.MsgId)).toBe(stored[1].eventId);
    expect(created.headers.get(Headers.CausationId)).toBe(approvedEventId);
    expect(created.headers.get(Headers.CorrelationId)).toBe(`corr-${orderId}`);
    const delivery = await call(app, 'GET', `/deliveries/${orderId}`);
    expect(delivery.status).toBe(200);
    expect(delivery.body).toEqual({
      orderId,
      restaurantId,
      state: 'PENDING',
      courierId: null,
      pickupAddress: restaurantAddress,
      deliveryAddress: orderAddress,
      readyBy: null,
      readyForPickup: false,
      version: 2,
    });
  });

  it('assigned, ready, picked up and delivered: courier-assigned, picked-up, delivered in order; the courier is free again', async () => {
    const courierId = await aCourier(app);
    const order = await newOrder().approvedAndApplied();
    const { orderId } = order;
    const readyBy = inHalfAnHour();
    await app.consumed(await order.ticketAccepted(readyBy));
    await deliveryOnce(app, orderId, { state: 'ASSIGNED', courierId, readyBy, readyForPickup: false });

    const early = await call(app, 'POST', `/deliveries/${orderId}/pickup`);
    expect(early.status).toBe(409);
    expect(early.contentType).toMatch(/^application\/problem\+json/);
    expect(early.body).toMatchObject({ code: 'DELIVERY.DELIVERY.NOT_READY_FOR_PICKUP', details: { orderId } });

    await app.consumed(await order.ticketReady());
    const pickedUp = await call(app, 'POST', `/deliveries/${orderId}/pickup`);
    expect(pickedUp.status).toBe(200);
    expect(pickedUp.body).toMatchObject({ state: 'PICKED_UP', courierId, readyForPickup: true, version: 6 });

    const delivered = await call(app, 'POST', `/deliveries/${orderId}/deliver`);
    expect(delivered.status).toBe(200);
    expect(delivered.body).toMatchObject({ state: 'DELIVERED', courierId, version: 7 });

    const [, assigned, picked, done] = await app.publishedFor(orderId, 4);
    expectPayload(assigned, deliveryCourierAssignedV1, { orderId, restaurantId, courierId, readyBy });
    expectPayload(picked, deliveryPickedUpV1, { orderId, restaurantId, courierId });
    expectPayload(done, deliveryDeliveredV1, { orderId, restaurantId, courierId });
    expect((await call(app, 'GET', `/couriers/${courierId}`)).body).toMatchObject({ available: true, deliveryOrderId: null });
    expect(await app.board()).toEqual({ free: [courierId], waiting: [] });
    await setAvailable(app, courierId, false);
  });

  it('the courier’s commands out of turn are refused with 409 and write nothing; a repeat is refused too', async () => {
    const order = await newOrder().approvedAndApplied();
    const { orderId } = order;
    await app.consumed(await order.ticketReady()); // ready, but no courier yet
    const refused = async (path: string, code: string) => {
      const before = await app.storedEventCount();
      const answer = await call(app, 'POST', `/deliveries/${orderId}/${path}`);
      expect(answer.status).toBe(409);
      expect(answer.body.code).toBe(code);
      expect(await app.storedEventCount()).toBe(before);
    };

    await refused('pickup', 'DELIVERY.DELIVERY.NO_COURIER');
    await refused('deliver', 'DELIVERY.DELIVERY.NOT_PICKED_UP');

    await app.consumed(await order.ticketAccepted());
    const courierId = await aCourier(app);
    await deliveryOnce(app, orderId, { state: 'ASSIGNED', courierId });
    await refused('deliver', 'DELIVERY.DELIVERY.NOT_PICKED_UP');
    expect((await call(app, 'POST', `/deliveries/${orderId}/pickup`)).status).toBe(200);
    await refused('pickup', 'DELIVERY.DELIVERY.ILLEGAL_TRANSITION');
    expect((await call(app, 'POST', `/deliveries/${orderId}/deliver`)).status).toBe(200);
    await refused('deliver', 'DELIVERY.DELIVERY.ILLEGAL_TRANSITION');
    await setAvailable(app, courierId, false);
  });

  it('the kitchen’s acceptance arriving before the approval is kept: the delivery is assigned as soon as it exists', async () => {
    const courierId = await aCourier(app);
    const order = newOrder();
    const readyBy = inHalfAnHour();
    await app.consumed(await order.ticketAccepted(readyBy));
    expect((await call(app, 'GET', `/deliveries/${order.orderId}`)).status).toBe(404);

    await app.consumed(await order.created());
    await app.consumed(await order.approved());

    await deliveryOnce(app, order.orderId, { state: 'ASSIGNED', courierId, readyBy });
    await eventually(() => expect(app.subjectsFor(order.orderId)).toEqual([deliveryCreatedV1.subject, deliveryCourierAssignedV1.subject]));
    await app.consumed(await order.cancelled());
    await setAvailable(app, courierId, false);
  });

  it('a rejected order has nothing to deliver: nothing is published, and its address is forgotten', async () => {
    const order = newOrder();
    await app.consumed(await order.created());
    await app.consumed(await order.rejected());

    expect((await call(app, 'GET', `/deliveries/${order.orderId}`)).status).toBe(404);
    expect(app.subjectsFor(order.orderId)).toEqual([]);
    const [withdrawn] = (await new EventStore(app.dataSource).readStream(order.orderId)).slice(-1);
    expect(withdrawn).toMatchObject({ type: 'OrderWithdrawn', data: { orderId: order.orderId, reason: 'rejected' } });
  });

  it('a cancellation of an order delivery never heard of is acknowledged and records nothing', async () => {
    const order = newOrder();
    const before = await app.storedEventCount();

    const report = await app.consumed(await order.cancelled());

    expect(report.outcome).toBe('processed');
    expect(await app.storedEventCount()).toBe(before);
  });

  it('the same approval delivered twice (same event id) has one effect', async () => {
    const order = newOrder();
    await app.consumed(await order.created());
    const eventId = await order.approved();
    await order.approved({ eventId });

    await eventually(() => expect(app.outcomes.filter((o) => o.eventId === eventId).map((o) => o.outcome).sort()).toEqual(['duplicate', 'processed']));
    expect((await new EventStore(app.dataSource).readStream(order.orderId)).map((e) => e.type)).toEqual(['OrderNoted', 'DeliveryCreated']);
    expect(app.subjectsFor(order.orderId)).toEqual([deliveryCreatedV1.subject]);
  });
});
