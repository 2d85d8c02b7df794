import { aPaymentAuthorizedV1, aPaymentDeclinedV1 } from '@brigade/contracts/accounting';
import { aConsumerOrderValidatedV1 } from '@brigade/contracts/consumers';
import { anOrderApprovedV1, anOrderRejectedV1, orderApprovedV1, orderCreatedV1, orderRejectedV1 } from '@brigade/contracts/orders';
import { EventStore } from '@brigade/event-store';
import { eventually } from '@brigade/testing';
import { call } from './http';
import { CONSUMER_ID, RestaurantFeed, sendVerdict, verdicts } from './order-fixtures';
import { OrdersApp, OrdersTestEnvironment } from './orders-environment';
import { OpenRestaurantScenario, orderInState, placeOrder, startWithAnOpenRestaurant } from './open-restaurant-scenario';

describe('orders service: the CreateOrder saga collects the participants’ verdicts', () => {
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

  /** Subjects orders published for the order, once `count` of them have arrived. */
  function publishedSubjects(orderId: string, count: number): Promise<string[]> {
    return eventually(() => {
      const subjects = env.publishedFor(orderId).map((m) => m.subject);
      expect(subjects).toHaveLength(count);
      return subjects;
    });
  }

  /** Everything stored was published by now (the relay caught up); nothing beyond `count` came. */
  async function nothingMorePublished(orderId: string, count: number): Promise<void> {
    const [{ n }] = await app.dataSource.query("SELECT count(*)::int AS n FROM es_events WHERE stream_type = 'order'");
    await eventually(() => expect(env.published.length).toBeGreaterThanOrEqual(n));
    expect(env.publishedFor(orderId)).toHaveLength(count);
  }

  const sagaEvents = async (orderId: string) => new EventStore(app.dataSource).readStream(`create-order-saga-${orderId}`);
  const deadlineOf = async (orderId: string) =>
    app.dataSource.query('SELECT 1 FROM saga_deadlines WHERE saga = $1 AND saga_id = $2', ['create-order', orderId]);

  async function allVerdictsHandled(): Promise<void> {
    await env.drained('consumers', 'consumer-verdicts');
    await env.drained('kitchen', 'kitchen-verdicts');
    await env.drained('accounting', 'payment-verdicts');
  }

  it('approves the order when consumer, kitchen and accounting all say yes, and publishes approved.v1', async () => {
    const orderId = await placeOrder(scenario);

    await sendVerdict(env, verdicts.kitchenYes(orderId, restaurant.restaurantId));
    await sendVerdict(env, verdicts.paymentYes(orderId));
    await sendVerdict(env, verdicts.consumerYes(orderId));

    expect(await orderInState(scenario, orderId, 'APPROVED')).toMatchObject({ orderTotalCents: 2997, version: 2 });
    expect(await publishedSubjects(orderId, 2)).toEqual([orderCreatedV1.subject, orderApprovedV1.subject]);
    const approved = env.publishedFor(orderId)[1];
    expect(orderApprovedV1.parse(approved.payload)).toEqual(anOrderApprovedV1({ orderId, restaurantId: restaurant.restaurantId }));
    expect(await deadlineOf(orderId)).toEqual([]);
  });

  it('stays pending while a verdict is missing', async () => {
    const orderId = await placeOrder(scenario);

    await sendVerdict(env, verdicts.consumerYes(orderId));
    await sendVerdict(env, verdicts.paymentYes(orderId));
    await allVerdictsHandled();

    expect((await call(app, 'GET', `/orders/${orderId}`)).body.state).toBe('APPROVAL_PENDING');
    expect((await sagaEvents(orderId)).map((e) => e.type)).toEqual(['CreateOrderSagaStarted', 'VerdictRecorded', 'VerdictRecorded']);
    expect(await deadlineOf(orderId)).toHaveLength(1);
  });

  it.each([
    ['consumers', verdicts.consumerNo, 'consumer: consumer is suspended'],
    ['kitchen', (orderId: string, reason: string) => verdicts.kitchenNo(orderId, reason, restaurant.restaurantId), 'kitchen: consumer is suspended'],
    ['accounting', verdicts.paymentNo, 'accounting: consumer is suspended'],
  ])('rejects the order on a no from %s, with the reason, and publishes rejected.v1', async (_context, no, reason) => {
    const orderId = await placeOrder(scenario);

    await sendVerdict(env, no(orderId, 'consumer is suspended'));

    expect(await orderInState(scenario, orderId, 'REJECTED')).toMatchObject({ rejectionReason: reason });
    expect(await publishedSubjects(orderId, 2)).toEqual([orderCreatedV1.subject, orderRejectedV1.subject]);
    const rejected = env.publishedFor(orderId)[1];
    expect(orderRejectedV1.parse(rejected.payload)).toEqual(
      anOrderRejectedV1({ orderId, consumerId: CONSUMER_ID, restaurantId: restaurant.restaurantId, rejectionReason: reason }),
    );
    expect(await deadlineOf(orderId)).toEqual([]);
  });

  it('keeps a rejected order rejected when the other verdicts arrive late, and publishes nothing more', async () => {
    const orderId = await placeOrder(scenario);
    await sendVerdict(env, verdicts.paymentNo(orderId, 'total 2997 cents exceeds available credit 1000 cents'));
    await orderInState(scenario, orderId, 'REJECTED');

    await sendVerdict(env, verdicts.consumerYes(orderId));
    await sendVerdict(env, verdicts.kitchenYes(orderId, restaurant.restaurantId));
    await allVerdictsHandled();

    expect(await orderInState(scenario, orderId, 'REJECTED')).toMatchObject({ rejectionReason: 'accounting: total 2997 cents exceeds available credit 1000 cents', version: 2 });
    expect((await sagaEvents(orderId)).map((e) => e.type)).toEqual(['CreateOrderSagaStarted', 'VerdictRecorded', 'CreateOrderRejected']);
    expect(await publishedSubjects(orderId, 2)).toEqual([orderCreatedV1.subject, orderRejectedV1.subject]);
    await nothingMorePublished(orderId, 2);
  });

  it('counts a redelivered verdict once (same event id), and a repeated verdict decides nothing', async () => {
    const orderId = await placeOrder(scenario);
    const consumerYes = await sendVerdict(env, verdicts.consumerYes(orderId));
    await sendVerdict(env, verdicts.consumerYes(orderId), { eventId: consumerYes });
    const kitchenYes = await sendVerdict(env, verdicts.kitchenYes(orderId, restaurant.restaurantId));
    await sendVerdict(env, verdicts.kitchenYes(orderId, restaurant.restaurantId), { eventId: kitchenYes });
    await sendVerdict(env, verdicts.kitchenYes(orderId, restaurant.restaurantId));
    await allVerdictsHandled();
    expect((await sagaEvents(orderId)).map((e) => e.type)).toEqual(['CreateOrderSagaStarted', 'VerdictRecorded', 'VerdictRecorded']);

    const paymentYes = await sendVerdict(env, verdicts.paymentYes(orderId));
    await sendVerdict(env, verdicts.paymentYes(orderId), { eventId: paymentYes });
    await allVerdictsHandled();

    expect(await orderInState(scenario, orderId, 'APPROVED')).toMatchObject({ version: 2 });
    expect((await sagaEvents(orderId)).map((e) => e.type)).toEqual([
      'CreateOrderSagaStarted',
      'VerdictRecorded',
      'VerdictRecorded',
      'VerdictRecorded',
      'CreateOrderApproved',
    ]);
    expect(await publishedSubjects(orderId, 2)).toEqual([orderCreatedV1.subject, orderApprovedV1.subject]);
    await nothingMorePublished(orderId, 2);
  });

  it('records what caused each step: causation = the verdict’s event id, correlation carried from it', async () => {
    const orderId = await placeOrder(scenario);
    await sendVerdict(env, verdicts.consumerYes(orderId), { correlationId: 'corr-1' });
    await sendVerdict(env, verdicts.kitchenYes(orderId, restaurant.restaurantId), { correlationId: 'corr-1' });
    await allVerdictsHandled(); // the verdicts travel on three streams: make the payment the deciding one
    const last = await sendVerdict(env, verdicts.paymentYes(orderId), { correlationId: 'corr-approval' });
    await orderInState(scenario, orderId, 'APPROVED');

    const [, approved] = await new EventStore(app.dataSource).readStream(orderId);
    expect(approved.type).toBe('OrderApproved');
    expect(approved.metadata).toMatchObject({ correlationId: 'corr-approval', causationId: last });
    const sagaApproved = (await sagaEvents(orderId)).at(-1);
    expect(sagaApproved?.metadata).toMatchObject({ correlationId: 'corr-approval', causationId: last });
  });

  it('parks a forged verdict (another consumer, another amount) without applying it: the order stays APPROVAL_PENDING', async () => {
    const orderId = await placeOrder(scenario);
    await sendVerdict(env, verdicts.kitchenYes(orderId, restaurant.restaurantId));
    const someoneElse = '00000000-0000-4000-8000-0000000000c2';

    // Two yes verdicts that would approve the order without its consumer's say or a hold of its total...
    const forgedConsumer = await sendVerdict(env, { ...verdicts.consumerYes(orderId), payload: aConsumerOrderValidatedV1({ orderId, consumerId: someoneElse }) });
    const forgedAmount = await sendVerdict(env, { ...verdicts.paymentYes(orderId), payload: aPaymentAuthorizedV1({ orderId, amountCents: 1 }) });
    // ...and a no that would reject it on another consumer's account.
    const forgedDecline = await sendVerdict(env, {
      ...verdicts.paymentNo(orderId, 'declined'),
      payload: aPaymentDeclinedV1({ orderId, consumerId: someoneElse, reason: 'no account' }),
    });
    await allVerdictsHandled();

    expect((await call(app, 'GET', `/orders/${orderId}`)).body.state).toBe('APPROVAL_PENDING');
    expect((await sagaEvents(orderId)).map((e) => e.type)).toEqual(['CreateOrderSagaStarted', 'VerdictRecorded']);
    const forged = [forgedConsumer, forgedAmount, forgedDecline];
    const inbox = await app.dataSource.query('SELECT event_id, outcome, detail FROM msg_inbox WHERE event_id = ANY($1)', [forged]);
    expect(inbox).toHaveLength(3);
    for (const row of inbox) expect(row).toMatchObject({ outcome: 'parked', detail: { attempts: 1, error: expect.stringContaining('ORDERS.ORDER.MISMATCHED_MESSAGE') } });
    const parked = await env.parked();
    expect(parked.filter((copy) => forged.includes(copy.eventId)).map((copy) => copy.parkedBy).sort()).toEqual([
      'orders--consumer-verdicts',
      'orders--payment-verdicts',
      'orders--payment-verdicts',
    ]);
    expect(parked.find((copy) => copy.eventId === forgedAmount)?.error).toContain("amountCents 1 is not the order's total 2997");

    // The genuine verdicts still decide.
    await sendVerdict(env, verdicts.consumerYes(orderId));
    await sendVerdict(env, verdicts.paymentYes(orderId));
    expect(await orderInState(scenario, orderId, 'APPROVED')).toMatchObject({ orderTotalCents: 2997 });
  });

  it('records a verdict about an order it does not know as a final answer, without effect', async () => {
    const stranger = '00000000-0000-4000-8000-00000000abcd';
    const eventId = await sendVerdict(env, verdicts.kitchenYes(stranger, restaurant.restaurantId));
    await env.drained('kitchen', 'kitchen-verdicts');

    const [inbox] = await app.dataSource.query('SELECT outcome FROM msg_inbox WHERE event_id = $1', [eventId]);
    expect(inbox).toEqual({ outcome: 'rejected' });
    expect(await new EventStore(app.dataSource).readStream(`create-order-saga-${stranger}`)).toEqual([]);
  });
});
