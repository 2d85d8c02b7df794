import { eventually } from '@brigade/testing';
import { call } from './http';
import { aCreateOrderBody, RestaurantFeed, sendVerdict, verdicts } from './order-fixtures';
import { OrdersApp, OrdersTestEnvironment } from './orders-environment';

/** The starting point of the order specs: an orders app whose replica knows one open restaurant. */
export interface OpenRestaurantScenario {
  readonly env: OrdersTestEnvironment;
  readonly app: OrdersApp;
  readonly restaurant: RestaurantFeed;
}

export async function startWithAnOpenRestaurant(options: { changeDeadlineMs?: number } = {}): Promise<OpenRestaurantScenario> {
  const env = await OrdersTestEnvironment.create();
  const app = await env.startApp(options);
  const restaurant = new RestaurantFeed(env);
  await restaurant.created();
  await restaurant.opened();
  await env.drained('restaurants', 'restaurant-replica');
  return { env, app, restaurant };
}

/** POST /orders at the scenario's restaurant; expects 201 and returns the order id. */
export async function placeOrder({ app, restaurant }: OpenRestaurantScenario): Promise<string> {
  const created = await call(app, 'POST', '/orders', aCreateOrderBody(restaurant.restaurantId));
  expect(created.status).toBe(201);
  return created.body.orderId;
}

/** Waits until GET /orders/:id shows `state`; returns the order as answered then. */
export function orderInState({ app }: OpenRestaurantScenario, orderId: string, state: string): Promise<Record<string, unknown>> {
  return eventually(async () => {
    const order = await call(app, 'GET', `/orders/${orderId}`);
    expect(order.body.state).toBe(state);
    return order.body;
  });
}

/** An order placed and approved by all three participants; returns its id once GET shows APPROVED. */
export async function approvedOrder(scenario: OpenRestaurantScenario): Promise<string> {
  const orderId = await placeOrder(scenario);
  await sendVerdict(scenario.env, verdicts.consumerYes(orderId));
  await sendVerdict(scenario.env, verdicts.kitchenYes(orderId, scenario.restaurant.restaurantId));
  await sendVerdict(scenario.env, verdicts.paymentYes(orderId));
  await orderInState(scenario, orderId, 'APPROVED');
  return orderId;
}
