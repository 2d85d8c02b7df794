import { orderApprovedV1, orderCreatedV1 } from '@brigade/contracts/orders';
import { EventStore } from '@brigade/event-store';
import { eventually } from '@brigade/testing';
import { kitchenProgress, RestaurantFeed, sendKitchenProgress } from './order-fixtures';
import { OrdersApp, OrdersTestEnvironment } from './orders-environment';
import { approvedOrder, OpenRestaurantScenario, orderInState, placeOrder, startWithAnOpenRestaurant } from './open-restaurant-scenario';

describe('orders service: an approved order mirrors the kitchen’s progress', () => {
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

  const orderEvents = async (orderId: string) => (await new EventStore(app.dataSource).readStream(orderId)).map((e) => e.type);
  const inboxOutcome = async (eventId: string) =>
    app.dataSource.query('SELECT outcome, detail FROM msg_inbox WHERE consumer = $1 AND event_id = $2', ['orders--kitchen-verdicts', eventId]);

  it('shows PREPARING, then READY_FOR_PICKUP, as the kitchen reports them, and publishes nothing for them', async () => {
    const orderId = await approvedOrder(scenario);

    const preparing = await sendKitchenProgress(env, kitchenProgress.preparing(orderId, restaurant.restaurantId));
    expect(await orderInState(scenario, orderId, 'PREPARING')).toMatchObject({ orderTotalCents: 2997, version: 3 });

    await sendKitchenProgress(env, kitchenProgress.readyForPickup(orderId, restaurant.restaurantId));
    expect(await orderInState(scenario, orderId, 'READY_FOR_PICKUP')).toMatchObject({ orderTotalCents: 2997, lineItems: expect.any(Array), version: 4 });

    const [, , started] = await new EventStore(app.dataSource).readStream(orderId);
    expect(started).toMatchObject({ type: 'OrderPreparationStarted', metadata: { causationId: preparing } });
    // The relay publishes in store order: once a later order's created.v1 is out, it has moved past these steps.
    const later = await placeOrder(scenario);
    await eventually(() => expect(env.publishedFor(later)).toHaveLength(1));
    expect(env.publishedFor(orderId).map((m) => m.subject)).toEqual([orderCreatedV1.subject, orderApprovedV1.subject]);
  });

  it('takes a repeated preparing message (redelivered or sent again) once', async () => {
    const orderId = await approvedOrder(scenario);
    const preparing = kitchenProgress.preparing(orderId, restaurant.restaurantId);

    const first = await sendKitchenProgress(env, preparing);
    await sendKitchenProgress(env, preparing, { eventId: first });
    await sendKitchenProgress(env, preparing);
    await env.drained('kitchen', 'kitchen-verdicts');

    expect(await orderInState(scenario, orderId, 'PREPARING')).toMatchObject({ version: 3 });
    expect(await orderEvents(orderId)).toEqual(['OrderCreated', 'OrderApproved', 'OrderPreparationStarted']);
  });

  it('parks progress naming another restaurant (forged or misrouted): the order does not move', async () => {
    const orderId = await approvedOrder(scenario);
    const elsewhere = '00000000-0000-4000-8000-0000000000e2';

    const forged = await sendKitchenProgress(env, kitchenProgress.readyForPickup(orderId, elsewhere));
    await env.drained('kitchen', 'kitchen-verdicts');

    const [inbox] = await inboxOutcome(forged);
    expect(inbox).toMatchObject({ outcome: 'parked', detail: expect.objectContaining({ error: expect.stringContaining('ORDERS.ORDER.MISMATCHED_MESSAGE') }) });
    expect(await orderInState(scenario, orderId, 'APPROVED')).toMatchObject({ version: 2 });
    expect(await orderEvents(orderId)).toEqual(['OrderCreated', 'OrderApproved']);
  });

  it('records preparing for an order still awaiting approval as a final answer, without effect', async () => {
    const orderId = await placeOrder(scenario);

    const eventId = await sendKitchenProgress(env, kitchenProgress.preparing(orderId, restaurant.restaurantId));
    await env.drained('kitchen', 'kitchen-verdicts');

    const [inbox] = await inboxOutcome(eventId);
    expect(inbox).toMatchObject({ outcome: 'rejected', detail: expect.objectContaining({ code: 'ORDERS.ORDER.NOT_IN_FULFILMENT' }) });
    expect(await orderInState(scenario, orderId, 'APPROVAL_PENDING')).toMatchObject({ version: 1 });
    expect(await orderEvents(orderId)).toEqual(['OrderCreated']);
  });
});
