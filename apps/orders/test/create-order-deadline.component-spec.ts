import { anOrderRejectedV1, orderCreatedV1, orderRejectedV1 } from '@brigade/contracts/orders';
import { eventually } from '@brigade/testing';
import { call } from './http';
import { aCreateOrderBody, RestaurantFeed } from './order-fixtures';
import { OrdersApp, OrdersTestEnvironment } from './orders-environment';

const DEADLINE_MS = 300;
const SILENCE = 'no answer before the deadline from consumer, kitchen, accounting';

describe('orders service: the CreateOrder saga’s deadline', () => {
  let env: OrdersTestEnvironment;
  let app: OrdersApp;
  let restaurant: RestaurantFeed;

  beforeAll(async () => {
    env = await OrdersTestEnvironment.create();
    app = await env.startApp({ approvalDeadlineMs: DEADLINE_MS });
    restaurant = new RestaurantFeed(env);
    await restaurant.created();
    await restaurant.opened();
    await env.drained('restaurants', 'restaurant-replica');
  });

  afterAll(async () => {
    await env?.close();
  });

  it('rejects the order when no verdict comes before the deadline, naming the silent participants', async () => {
    const placedAt = Date.now();
    const created = await call(app, 'POST', '/orders', aCreateOrderBody(restaurant.restaurantId));
    expect(created.status).toBe(201);
    const orderId: string = created.body.orderId;

    const order = await eventually(async () => {
      const answer = await call(app, 'GET', `/orders/${orderId}`);
      expect(answer.body.state).toBe('REJECTED');
      return answer.body;
    });
    expect(order).toMatchObject({ rejectionReason: SILENCE, version: 2 });
    expect(Date.now() - placedAt).toBeGreaterThanOrEqual(DEADLINE_MS);
    const messages = await eventually(() => {
      const published = env.publishedFor(orderId);
      expect(published.map((m) => m.subject)).toEqual([orderCreatedV1.subject, orderRejectedV1.subject]);
      return published;
    });
    expect(orderRejectedV1.parse(messages[1].payload)).toEqual(
      anOrderRejectedV1({ orderId, restaurantId: restaurant.restaurantId, rejectionReason: SILENCE }),
    );
    expect(await app.dataSource.query('SELECT 1 FROM saga_deadlines WHERE saga_id = $1', [orderId])).toEqual([]);
  });
});
