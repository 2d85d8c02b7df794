import { eventually } from '@brigade/testing';
import { EventStore } from '@brigade/event-store';
import { call } from './http';
import { changeAnswers, kitchenProgress, NAAN, RestaurantFeed, sendAnswer, sendKitchenProgress, VINDALOO } from './order-fixtures';
import { OrdersApp, OrdersTestEnvironment } from './orders-environment';
import { approvedOrder, OpenRestaurantScenario, orderInState, placeOrder, startWithAnOpenRestaurant } from './open-restaurant-scenario';

describe('orders service: cancelling and revising an approved order, and its delivery', () => {
  let scenario: OpenRestaurantScenario;
  let env: OrdersTestEnvironment;
  let app: OrdersApp;
  let restaurant: RestaurantFeed;

  beforeAll(async () => {
    scenario = await startWithAnOpenRestaurant();
    ({ env, app, restaurant } = scenario);
  });

  afterAll(async () => {
    await env?.close();
  });

  const subjectsFor = (orderId: string) => env.publishedFor(orderId).map((m) => m.subject.replace(/^orders\.order\./, ''));
  const storedTypes = async (orderId: string) => (await new EventStore(app.dataSource).readStream(orderId)).map((e) => e.type);
  const reviseTo = (quantity: number) => ({ lineItems: [{ menuItemId: VINDALOO, quantity }] });

  describe('cancel', () => {
    it('asks the kitchen, then cancels the order once the ticket is cancelled', async () => {
      const orderId = await approvedOrder(scenario);

      const asked = await call(app, 'POST', `/orders/${orderId}/cancel`);
      expect(asked.status).toBe(202);
      expect(await orderInState(scenario, orderId, 'CANCEL_PENDING')).toMatchObject({ lastChange: { type: 'CANCEL', outcome: 'PENDING' } });
      await eventually(() => expect(subjectsFor(orderId)).toEqual(['created.v1', 'approved.v1', 'cancel-requested.v1']));

      await sendAnswer(env, changeAnswers.ticketCancelled(orderId, restaurant.restaurantId));
      expect(await orderInState(scenario, orderId, 'CANCELLED')).toMatchObject({ lastChange: { type: 'CANCEL', outcome: 'DONE' } });
      await eventually(() => expect(subjectsFor(orderId)).toEqual(['created.v1', 'approved.v1', 'cancel-requested.v1', 'cancelled.v1']));
      expect(await env.query('SELECT count(*)::int AS n FROM saga_deadlines WHERE saga_id = $1', [orderId])).toEqual([{ n: 0 }]);
    });

    it('answers 409 to a second cancel, while pending and once cancelled, and writes nothing', async () => {
      const orderId = await approvedOrder(scenario);
      expect((await call(app, 'POST', `/orders/${orderId}/cancel`)).status).toBe(202);

      const again = await call(app, 'POST', `/orders/${orderId}/cancel`);
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'ORDERS.ORDER.NOT_CANCELLABLE' });

      await sendAnswer(env, changeAnswers.ticketCancelled(orderId, restaurant.restaurantId));
      await orderInState(scenario, orderId, 'CANCELLED');
      expect((await call(app, 'POST', `/orders/${orderId}/cancel`)).status).toBe(409);
      expect(await storedTypes(orderId)).toEqual(['OrderCreated', 'OrderApproved', 'OrderCancelRequested', 'OrderCancelled']);
    });

    it('parks a cancellation naming another restaurant: the order stays CANCEL_PENDING, nothing is voided', async () => {
      const orderId = await approvedOrder(scenario);
      expect((await call(app, 'POST', `/orders/${orderId}/cancel`)).status).toBe(202);

      const forged = await sendAnswer(env, changeAnswers.ticketCancelled(orderId, '00000000-0000-4000-8000-0000000000e2'));
      await env.drained('kitchen', 'kitchen-verdicts');

      expect(await orderInState(scenario, orderId, 'CANCEL_PENDING')).toMatchObject({ lastChange: { type: 'CANCEL', outcome: 'PENDING' } });
      expect(subjectsFor(orderId)).not.toContain('cancelled.v1');
      expect((await env.parked()).find((copy) => copy.eventId === forged)).toMatchObject({
        parkedBy: 'orders--kitchen-verdicts',
        error: expect.stringContaining('ORDERS.ORDER.MISMATCHED_MESSAGE'),
      });
    });

    it('goes back to where the kitchen got when it refuses: cancel racing preparing', async () => {
      const orderId = await approvedOrder(scenario);
      expect((await call(app, 'POST', `/orders/${orderId}/cancel`)).status).toBe(202);

      // The kitchen started preparing before it saw the request, and says so, in that order.
      await sendKitchenProgress(env, kitchenProgress.preparing(orderId, restaurant.restaurantId));
      await sendAnswer(env, changeAnswers.cancelRefused(orderId, 'ticket is PREPARING', restaurant.restaurantId));

      expect(await orderInState(scenario, orderId, 'PREPARING')).toMatchObject({
        lastChange: { type: 'CANCEL', outcome: 'REFUSED', reason: 'kitchen: ticket is PREPARING' },
      });
      await eventually(() => expect(subjectsFor(orderId)).toEqual(['created.v1', 'approved.v1', 'cancel-requested.v1', 'cancel-refused.v1']));
    });

    it('refuses orders that are not APPROVED (409), unknown ones (404) and bad ids (400)', async () => {
      const pending = await placeOrder(scenario);
      expect((await call(app, 'POST', `/orders/${pending}/cancel`)).status).toBe(409);
      expect((await call(app, 'POST', '/orders/4b1d1a52-1a9a-4b4e-9a43-0c4a1f6a3e99/cancel')).body).toMatchObject({ status: 404, code: 'ORDERS.ORDER.NOT_FOUND' });
      expect((await call(app, 'POST', '/orders/not-a-uuid/cancel')).status).toBe(400);
      expect(await storedTypes(pending)).toEqual(['OrderCreated']);
    });
  });

  describe('revise', () => {
    it('revises the order once the kitchen and accounting both say yes', async () => {
      const orderId = await approvedOrder(scenario);

      const asked = await call(app, 'POST', `/orders/${orderId}/revise`, reviseTo(3));
      expect(asked.status).toBe(202);
      expect(await orderInState(scenario, orderId, 'REVISION_PENDING')).toMatchObject({ orderTotalCents: 2997, lastChange: { type: 'REVISE', outcome: 'PENDING' } });
      const proposal = await eventually(() => {
        const message = env.publishedFor(orderId).find((m) => m.subject === 'orders.order.revision-proposed.v1');
        if (!message) throw new Error('revision-proposed.v1 not published yet');
        return message;
      });
      expect(proposal.payload).toMatchObject({ revision: 1, orderTotalCents: 3897, lineItems: [{ menuItemId: VINDALOO, name: 'Chicken Vindaloo', priceCents: 1299, quantity: 3 }] });

      await sendAnswer(env, changeAnswers.paymentRevised(orderId, 1, 3897));
      await sendAnswer(env, changeAnswers.ticketRevised(orderId, 1, restaurant.restaurantId));

      expect(await orderInState(scenario, orderId, 'APPROVED')).toMatchObject({
        orderTotalCents: 3897,
        lineItems: [{ menuItemId: VINDALOO, quantity: 3 }],
        lastChange: { type: 'REVISE', outcome: 'DONE' },
      });
      await eventually(() => expect(subjectsFor(orderId)).toEqual(['created.v1', 'approved.v1', 'revision-proposed.v1', 'revised.v1']));
    });

    it('leaves the order as it was when accounting declines, with the reason, and tells everyone', async () => {
      const orderId = await approvedOrder(scenario);
      expect((await call(app, 'POST', `/orders/${orderId}/revise`, reviseTo(40))).status).toBe(202);

      await sendAnswer(env, changeAnswers.ticketRevised(orderId, 1, restaurant.restaurantId));
      await sendAnswer(env, changeAnswers.paymentRevisionDeclined(orderId, 1, 'increase 48963 exceeds available credit 47003'));

      expect(await orderInState(scenario, orderId, 'APPROVED')).toMatchObject({
        orderTotalCents: 2997,
        lineItems: [{ menuItemId: VINDALOO, quantity: 2 }, { menuItemId: NAAN, quantity: 1 }],
        lastChange: { type: 'REVISE', outcome: 'REFUSED', reason: 'accounting: increase 48963 exceeds available credit 47003' },
      });
      await eventually(() => expect(subjectsFor(orderId)).toEqual(['created.v1', 'approved.v1', 'revision-proposed.v1', 'revision-rejected.v1']));
      expect(env.publishedFor(orderId).at(-1)?.payload).toMatchObject({ revision: 1 });
    });

    it('refuses bad lines like POST /orders does, before anything is written', async () => {
      const orderId = await approvedOrder(scenario);
      const unknownItem = await call(app, 'POST', `/orders/${orderId}/revise`, { lineItems: [{ menuItemId: '4b1d1a52-1a9a-4b4e-9a43-0c4a1f6a3e99', quantity: 1 }] });
      expect(unknownItem.body).toMatchObject({ status: 422, code: 'ORDERS.RESTAURANT.UNKNOWN_MENU_ITEM' });
      expect((await call(app, 'POST', `/orders/${orderId}/revise`, reviseTo(101))).body).toMatchObject({ status: 422, code: 'ORDERS.ORDER.INVALID_QUANTITY' });
      expect((await call(app, 'POST', `/orders/${orderId}/revise`, { lineItems: [] })).status).toBe(400);
      expect((await call(app, 'POST', `/orders/${orderId}/revise`, { ...reviseTo(1), extra: true })).status).toBe(400);
      expect((await call(app, 'POST', `/orders/${orderId}/revise`, { lineItems: [{ menuItemId: VINDALOO, quantity: 'two' }] })).status).toBe(400);
      expect(await storedTypes(orderId)).toEqual(['OrderCreated', 'OrderApproved']);
    });

    it('takes one change at a time: revise while a cancel is pending, and cancel while a revision is, are 409', async () => {
      const cancelling = await approvedOrder(scenario);
      expect((await call(app, 'POST', `/orders/${cancelling}/cancel`)).status).toBe(202);
      expect((await call(app, 'POST', `/orders/${cancelling}/revise`, reviseTo(1))).body).toMatchObject({ status: 409, code: 'ORDERS.ORDER.NOT_REVISABLE' });

      const revising = await approvedOrder(scenario);
      expect((await call(app, 'POST', `/orders/${revising}/revise`, reviseTo(1))).status).toBe(202);
      expect((await call(app, 'POST', `/orders/${revising}/cancel`)).body).toMatchObject({ status: 409, code: 'ORDERS.ORDER.NOT_CANCELLABLE' });
      expect((await call(app, 'POST', `/orders/${revising}/revise`, reviseTo(2))).status).toBe(409);
    });
  });

  it('mirrors delivery: PICKED_UP, then DELIVERED, even ahead of the kitchen’s own progress', async () => {
    const orderId = await approvedOrder(scenario);
    await sendAnswer(env, changeAnswers.pickedUp(orderId, restaurant.restaurantId));
    await orderInState(scenario, orderId, 'PICKED_UP');
    await sendAnswer(env, changeAnswers.delivered(orderId, restaurant.restaurantId));
    await orderInState(scenario, orderId, 'DELIVERED');
    // The kitchen's ready-for-pickup arrives late on its own durable: no news.
    await sendKitchenProgress(env, kitchenProgress.readyForPickup(orderId, restaurant.restaurantId));
    await env.drained('kitchen', 'kitchen-verdicts');
    expect(await storedTypes(orderId)).toEqual(['OrderCreated', 'OrderApproved', 'OrderPickedUp', 'OrderDelivered']);
    expect((await call(app, 'POST', `/orders/${orderId}/cancel`)).status).toBe(409);
  });
});
