import { orderCreatedV1, orderRejectedV1 } from '@brigade/contracts/orders';
import { EventStore } from '@brigade/event-store';
import { eventually } from '@brigade/testing';
import { call } from './http';
import { aCreateOrderBody, RestaurantFeed, sendVerdict, verdicts } from './order-fixtures';
import { OrdersTestEnvironment } from './orders-environment';

// A file of its own: every app one test file starts gets the config of the first (ServiceModule
// loads it once per module registry), and this test needs a deadline of its own.
/** Long enough to start an app, place an order and stop the app again on a busy 2-core machine. */
const DEADLINE_MS = 2_000;

describe('orders service: the CreateOrder saga’s deadline survives a restart', () => {
  let env: OrdersTestEnvironment;

  beforeAll(async () => {
    env = await OrdersTestEnvironment.create();
  });

  afterAll(async () => {
    await env?.close();
  });

  it('a deadline set before the app stopped rejects the order once a new app is up, naming the silent participants', async () => {
    const first = await env.startApp({ approvalDeadlineMs: DEADLINE_MS });
    const restaurant = new RestaurantFeed(env);
    await restaurant.created();
    await restaurant.opened();
    await env.drained('restaurants', 'restaurant-replica');
    const placed = await call(first, 'POST', '/orders', aCreateOrderBody(restaurant.restaurantId));
    expect(placed.status).toBe(201);
    const orderId: string = placed.body.orderId;
    await sendVerdict(env, verdicts.consumerYes(orderId));
    const sagaStream = `create-order-saga-${orderId}`;
    await eventually(async () =>
      expect((await new EventStore(first.dataSource).readStream(sagaStream)).map((e) => e.type)).toEqual(['CreateOrderSagaStarted', 'VerdictRecorded']),
    );
    await first.close();

    // Stopped before the deadline: the saga still waits and its deadline is still stored.
    const [deadline] = await env.query('SELECT due_at FROM saga_deadlines WHERE saga = $1 AND saga_id = $2', ['create-order', orderId]);
    expect(deadline).toBeDefined();
    expect((await env.query('SELECT event_type FROM es_events WHERE stream_id = $1 ORDER BY stream_version', [sagaStream])).map((r) => r.event_type)).toEqual([
      'CreateOrderSagaStarted',
      'VerdictRecorded',
    ]);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, new Date(deadline.due_at).getTime() - Date.now()) + 100));

    const second = await env.startApp({ approvalDeadlineMs: DEADLINE_MS });
    const order = await eventually(async () => {
      const answer = await call(second, 'GET', `/orders/${orderId}`);
      expect(answer.body.state).toBe('REJECTED');
      return answer.body;
    });
    expect(order).toMatchObject({ rejectionReason: 'no answer before the deadline from kitchen, accounting', version: 2 });
    await eventually(() => expect(env.publishedFor(orderId).map((m) => m.subject)).toEqual([orderCreatedV1.subject, orderRejectedV1.subject]));
    expect(await env.query('SELECT 1 FROM saga_deadlines WHERE saga_id = $1', [orderId])).toEqual([]);
  });
});
