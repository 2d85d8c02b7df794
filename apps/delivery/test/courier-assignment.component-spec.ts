import { deliveryCancelledV1, deliveryCourierAssignedV1, deliveryDeliveredV1 } from '@brigade/contracts/delivery';
import { eventually } from '@brigade/testing';
import { aCourier, call, DeliveryApp, deliveryOnce, setAvailable } from './delivery-app';
import { aRestaurant, inHalfAnHour, OrderFixture } from './delivery-fixtures';

/**
 * Every test leaves the assignment board as it found it (no courier free, no delivery waiting):
 * the board is shared by the whole file, and a courier left free would take the next test's delivery.
 */
describe('delivery service: assigning couriers', () => {
  let app: DeliveryApp;
  let restaurantId: string;

  beforeAll(async () => {
    app = await DeliveryApp.start();
    restaurantId = await aRestaurant(app);
  });

  afterEach(async () => {
    expect(await app.board()).toEqual({ free: [], waiting: [] });
  });

  afterAll(async () => {
    await app?.close();
  });

  const anApprovedOrder = () => new OrderFixture(app, restaurantId).approvedAndApplied();
  const courierOf = async (courierId: string) => (await call(app, 'GET', `/couriers/${courierId}`)).body;

  /** Picks up and delivers an assigned delivery whose food is ready over HTTP. */
  async function pickUpAndDeliver(order: OrderFixture): Promise<void> {
    await app.consumed(await order.ticketReady());
    expect((await call(app, 'POST', `/deliveries/${order.orderId}/pickup`)).status).toBe(200);
    expect((await call(app, 'POST', `/deliveries/${order.orderId}/deliver`)).status).toBe(200);
  }

  it('the ticket is accepted and a courier is free: the courier is assigned, courier-assigned.v1 carries readyBy', async () => {
    const courierId = await aCourier(app);
    const order = await anApprovedOrder();
    const readyBy = inHalfAnHour();

    await order.ticketAccepted(readyBy);

    const delivery = await deliveryOnce(app, order.orderId, { state: 'ASSIGNED', courierId, readyBy });
    expect(delivery.version).toBe(4); // noted, created, acceptance noted, courier assigned
    const [, assigned] = await app.publishedFor(order.orderId, 2);
    expect(assigned.subject).toBe(`${app.subjectPrefix}${deliveryCourierAssignedV1.subject}`);
    expect(deliveryCourierAssignedV1.parse(assigned.payload)).toEqual({ orderId: order.orderId, restaurantId, courierId, readyBy });
    expect(await courierOf(courierId)).toMatchObject({ available: true, deliveryOrderId: order.orderId });

    await pickUpAndDeliver(order);
    await setAvailable(app, courierId, false);
  });

  it('no courier is free: the delivery waits in line; a courier going on shift takes it at once', async () => {
    const order = await anApprovedOrder();
    await app.consumed(await order.ticketAccepted());

    await deliveryOnce(app, order.orderId, { state: 'PENDING', courierId: null });
    expect(await app.board()).toEqual({ free: [], waiting: [order.orderId] });

    const courierId = await aCourier(app, { available: false });
    const onShift = await setAvailable(app, courierId, true);

    expect(onShift).toMatchObject({ courierId, available: true, deliveryOrderId: order.orderId });
    await deliveryOnce(app, order.orderId, { state: 'ASSIGNED', courierId });
    await eventually(() => expect(app.subjectsFor(order.orderId)).toContain(deliveryCourierAssignedV1.subject));

    await pickUpAndDeliver(order);
    await setAvailable(app, courierId, false);
  });

  it('two deliveries, one courier: exactly one is assigned; delivering it frees the courier for the one that waited', async () => {
    const courierId = await aCourier(app);
    const [first, second] = await Promise.all([anApprovedOrder(), anApprovedOrder()]);

    const accepted = await Promise.all([first.ticketAccepted(), second.ticketAccepted()]);
    await Promise.all(accepted.map((eventId) => app.consumed(eventId)));

    const deliveries = await Promise.all([first, second].map(async (o) => (await call(app, 'GET', `/deliveries/${o.orderId}`)).body));
    expect(deliveries.map((d) => d.state).sort()).toEqual(['ASSIGNED', 'PENDING']);
    const [winner, loser] = deliveries[0].state === 'ASSIGNED' ? [first, second] : [second, first];
    expect(await courierOf(courierId)).toMatchObject({ deliveryOrderId: winner.orderId });
    expect(await app.board()).toEqual({ free: [], waiting: [loser.orderId] });

    await pickUpAndDeliver(winner);

    await deliveryOnce(app, loser.orderId, { state: 'ASSIGNED', courierId });
    expect(await courierOf(courierId)).toMatchObject({ deliveryOrderId: loser.orderId });
    await eventually(() => expect(app.subjectsFor(winner.orderId)).toContain(deliveryDeliveredV1.subject));

    await pickUpAndDeliver(loser);
    await setAvailable(app, courierId, false);
  });

  it('many deliveries racing for few couriers: each courier gets exactly one, the rest wait oldest first', async () => {
    const couriers = [await aCourier(app), await aCourier(app)];
    const orders = await Promise.all(Array.from({ length: 6 }, () => anApprovedOrder()));

    await Promise.all((await Promise.all(orders.map((o) => o.ticketAccepted()))).map((eventId) => app.consumed(eventId)));

    const deliveries = await Promise.all(orders.map(async (o) => (await call(app, 'GET', `/deliveries/${o.orderId}`)).body));
    const assigned = deliveries.filter((d) => d.state === 'ASSIGNED');
    expect(assigned.map((d) => d.courierId).sort()).toEqual([...couriers].sort());
    for (const courierId of couriers) {
      const carried = (await courierOf(courierId)).deliveryOrderId;
      expect(assigned.find((d) => d.courierId === courierId)?.orderId).toBe(carried);
    }
    const board = await app.board();
    expect(board.free).toEqual([]);
    expect(board.waiting.sort()).toEqual(deliveries.filter((d) => d.state === 'PENDING').map((d) => d.orderId).sort());
    expect(board.waiting).toHaveLength(4);

    // Leave the board empty: cancel everything.
    await Promise.all((await Promise.all(orders.map((o) => o.cancelled()))).map((eventId) => app.consumed(eventId)));
    for (const courierId of couriers) await setAvailable(app, courierId, false);
  });

  it('an order cancelled while its delivery has a courier: delivery cancelled, the courier takes the delivery waiting longest', async () => {
    const courierId = await aCourier(app);
    const cancelled = await anApprovedOrder();
    await app.consumed(await cancelled.ticketAccepted());
    await deliveryOnce(app, cancelled.orderId, { state: 'ASSIGNED', courierId });
    const [older, newer] = [await anApprovedOrder(), await anApprovedOrder()];
    await app.consumed(await older.ticketAccepted());
    await app.consumed(await newer.ticketAccepted());
    expect(await app.board()).toEqual({ free: [], waiting: [older.orderId, newer.orderId] });

    await app.consumed(await cancelled.cancelled());

    await deliveryOnce(app, cancelled.orderId, { state: 'CANCELLED', courierId });
    await deliveryOnce(app, older.orderId, { state: 'ASSIGNED', courierId });
    expect(await app.board()).toEqual({ free: [], waiting: [newer.orderId] });
    const published = await app.publishedFor(cancelled.orderId, 3);
    const cancellation = published.find((m) => m.subject.endsWith(deliveryCancelledV1.subject));
    expect(deliveryCancelledV1.parse(cancellation?.payload)).toEqual({ orderId: cancelled.orderId, restaurantId, courierId });

    await app.consumed(await newer.cancelled());
    await pickUpAndDeliver(older);
    await setAvailable(app, courierId, false);
  });

  it('an order cancelled while its delivery waits: it leaves the line, no courier involved; a free courier stays free', async () => {
    const order = await anApprovedOrder();
    await app.consumed(await order.ticketAccepted());
    expect(await app.board()).toEqual({ free: [], waiting: [order.orderId] });

    await app.consumed(await order.cancelled());

    await deliveryOnce(app, order.orderId, { state: 'CANCELLED', courierId: null });
    const [, cancellation] = await app.publishedFor(order.orderId, 2);
    expect(deliveryCancelledV1.parse(cancellation.payload)).toEqual({ orderId: order.orderId, restaurantId, courierId: null });
    const courierId = await aCourier(app);
    expect(await app.board()).toEqual({ free: [courierId], waiting: [] });
    await setAvailable(app, courierId, false);
  });

  it('a courier off shift is never assigned; going off shift leaves the line, even with a delivery in hand', async () => {
    const courierId = await aCourier(app);
    expect(await app.board()).toEqual({ free: [courierId], waiting: [] });
    expect(await setAvailable(app, courierId, false)).toMatchObject({ available: false, deliveryOrderId: null });
    const order = await anApprovedOrder();
    await app.consumed(await order.ticketAccepted());
    await deliveryOnce(app, order.orderId, { state: 'PENDING' });

    await setAvailable(app, courierId, true);
    await deliveryOnce(app, order.orderId, { state: 'ASSIGNED', courierId });
    expect(await setAvailable(app, courierId, false)).toMatchObject({ available: false, deliveryOrderId: order.orderId });

    // Off shift, they still finish the delivery, and are then not free.
    await pickUpAndDeliver(order);
    expect(await courierOf(courierId)).toMatchObject({ available: false, deliveryOrderId: null });
  });
});
