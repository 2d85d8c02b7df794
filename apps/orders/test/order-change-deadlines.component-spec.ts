import { eventually } from '@brigade/testing';
import { call } from './http';
import { changeAnswers, sendAnswer, VINDALOO } from './order-fixtures';
import { OrdersApp, OrdersTestEnvironment } from './orders-environment';
import { approvedOrder, OpenRestaurantScenario, orderInState, startWithAnOpenRestaurant } from './open-restaurant-scenario';

const CHANGE_DEADLINE_MS = 1_500;

describe('orders service: a change nobody answers in time', () => {
  let scenario: OpenRestaurantScenario;
  let env: OrdersTestEnvironment;
  let app: OrdersApp;

  beforeAll(async () => {
    scenario = await startWithAnOpenRestaurant({ changeDeadlineMs: CHANGE_DEADLINE_MS });
    ({ env, app } = scenario);
  });

  afterAll(async () => {
    await env?.close();
  });

  const subjectsFor = (orderId: string) => env.publishedFor(orderId).map((m) => m.subject.replace(/^orders\.order\./, ''));

  it('gives a cancel back at its deadline, and still cancels when the kitchen cancels the ticket after all', async () => {
    const orderId = await approvedOrder(scenario);
    expect((await call(app, 'POST', `/orders/${orderId}/cancel`)).status).toBe(202);

    expect(await orderInState(scenario, orderId, 'APPROVED')).toMatchObject({
      lastChange: { type: 'CANCEL', outcome: 'REFUSED', reason: 'no answer from kitchen before the deadline' },
    });
    await eventually(() => expect(subjectsFor(orderId)).toEqual(['created.v1', 'approved.v1', 'cancel-requested.v1', 'cancel-refused.v1']));

    // The kitchen's cancellation is final: a live order must not stay on a cancelled ticket.
    await sendAnswer(env, changeAnswers.ticketCancelled(orderId, scenario.restaurant.restaurantId));
    expect(await orderInState(scenario, orderId, 'CANCELLED')).toMatchObject({ lastChange: { type: 'CANCEL', outcome: 'DONE' } });
  });

  it('rejects a revision at its deadline, naming who did not answer, and ignores the late answer', async () => {
    const orderId = await approvedOrder(scenario);
    expect((await call(app, 'POST', `/orders/${orderId}/revise`, { lineItems: [{ menuItemId: VINDALOO, quantity: 1 }] })).status).toBe(202);
    await sendAnswer(env, changeAnswers.ticketRevised(orderId, 1, scenario.restaurant.restaurantId));

    expect(await orderInState(scenario, orderId, 'APPROVED')).toMatchObject({
      orderTotalCents: 2997,
      lastChange: { type: 'REVISE', outcome: 'REFUSED', reason: 'no answer before the deadline from accounting' },
    });
    await sendAnswer(env, changeAnswers.paymentRevised(orderId, 1, 1299));
    await env.drained('accounting', 'payment-verdicts');
    expect(await orderInState(scenario, orderId, 'APPROVED')).toMatchObject({ orderTotalCents: 2997 });
    expect(subjectsFor(orderId)).toEqual(['created.v1', 'approved.v1', 'revision-proposed.v1', 'revision-rejected.v1']);
  });
});
