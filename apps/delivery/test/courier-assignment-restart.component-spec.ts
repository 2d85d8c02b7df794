import { deliveryCourierAssignedV1 } from '@brigade/contracts/delivery';
import { eventually } from '@brigade/testing';
import { aCourier, DeliveryApp, deliveryOnce, setAvailable } from './delivery-app';
import { aRestaurant, OrderFixture } from './delivery-fixtures';

describe('delivery service: a waiting delivery survives a restart', () => {
  let app: DeliveryApp;

  beforeAll(async () => {
    app = await DeliveryApp.start();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('deliveries waiting for a courier when the app stops are assigned, oldest first, once couriers go on shift after the restart', async () => {
    const restaurantId = await aRestaurant(app);
    const [older, newer] = [new OrderFixture(app, restaurantId), new OrderFixture(app, restaurantId)];
    for (const order of [older, newer]) {
      await order.approvedAndApplied();
      await app.consumed(await order.ticketAccepted());
    }
    const courierId = await aCourier(app, { available: false });
    expect(await app.board()).toEqual({ free: [], waiting: [older.orderId, newer.orderId] });

    await app.restart();

    expect(await app.board()).toEqual({ free: [], waiting: [older.orderId, newer.orderId] });
    expect(await setAvailable(app, courierId, true)).toMatchObject({ deliveryOrderId: older.orderId });
    await deliveryOnce(app, older.orderId, { state: 'ASSIGNED', courierId });
    await deliveryOnce(app, newer.orderId, { state: 'PENDING', courierId: null });
    const other = await aCourier(app);
    await deliveryOnce(app, newer.orderId, { state: 'ASSIGNED', courierId: other });
    expect(await app.board()).toEqual({ free: [], waiting: [] });
    await eventually(() => {
      expect(app.subjectsFor(older.orderId)).toContain(deliveryCourierAssignedV1.subject);
      expect(app.subjectsFor(newer.orderId)).toContain(deliveryCourierAssignedV1.subject);
    });
  });
});
