import {
  aConsumerOrderValidationFailedV1,
  consumerOrderValidatedV1,
  consumerOrderValidationFailedV1,
} from '@brigade/contracts/consumers';
import { anOrderCreatedV1 } from '@brigade/contracts/orders';
import { EventStore } from '@brigade/event-store';
import { Headers } from '@brigade/messaging';
import { eventually } from '@brigade/testing';
import { randomUUID } from 'node:crypto';
import { aRegisterConsumerBody } from './consumer-requests';
import { call, ConsumersApp, PublishedMessage, startConsumersApp } from './consumers-app';

const verdictSubjects = [consumerOrderValidatedV1.subject, consumerOrderValidationFailedV1.subject];

describe('consumers service: validates every order created, once', () => {
  let app: ConsumersApp;

  beforeAll(async () => {
    app = await startConsumersApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  async function registerConsumer(): Promise<string> {
    const registered = await call(app, 'POST', '/consumers', aRegisterConsumerBody());
    expect(registered.status).toBe(201);
    return registered.body.consumerId;
  }

  /** Verdicts published about `orderId` so far (on either verdict subject). */
  function verdictsOn(orderId: string): PublishedMessage[] {
    return app.published.filter((m) => verdictSubjects.includes(m.subject.slice(app.subjectPrefix.length)) && m.payload.orderId === orderId);
  }

  function verdictOn(orderId: string): Promise<PublishedMessage> {
    return eventually(() => {
      const [verdict] = verdictsOn(orderId);
      if (!verdict) throw new Error(`no verdict published on order ${orderId}`);
      return verdict;
    });
  }

  /** The order's own validation stream: one per order, the truth the relay publishes verdicts from. */
  const validationStream = (orderId: string) => `order-validation-${orderId}`;

  /** Verdict events stored for `orderId`: its validation stream's, after checking the consumer's stream holds none. */
  async function storedVerdicts(consumerId: string, orderId: string): Promise<string[]> {
    const store = new EventStore(app.dataSource);
    const onConsumer = (await store.readStream(consumerId)).filter((e) => (e.data as { orderId?: string }).orderId === orderId);
    expect(onConsumer).toEqual([]);
    return (await store.readStream(validationStream(orderId))).map((e) => e.type);
  }

  function subjectOf(message: PublishedMessage): string {
    return message.subject.slice(app.subjectPrefix.length);
  }

  it('validates the order of an ACTIVE consumer: order-validated.v1 from the order’s validation, caused by the order event', async () => {
    const consumerId = await registerConsumer();
    const order = anOrderCreatedV1({ consumerId, orderId: randomUUID() });

    const orderEventId = await app.publishOrderCreated(order);

    const verdict = await verdictOn(order.orderId);
    expect(subjectOf(verdict)).toBe(consumerOrderValidatedV1.subject);
    expect(consumerOrderValidatedV1.parse(verdict.payload)).toEqual({ consumerId, orderId: order.orderId });
    expect(verdict.aggregateId).toBe(validationStream(order.orderId));
    expect(verdict.headers.get(Headers.CausationId)).toBe(orderEventId);
    expect(verdict.headers.get(Headers.CorrelationId)).toBe(`corr-${order.orderId}`);
    expect(await storedVerdicts(consumerId, order.orderId)).toEqual(['OrderValidated']);
  });

  it('fails the order of a suspended consumer with a reason saying so', async () => {
    const consumerId = await registerConsumer();
    expect((await call(app, 'POST', `/consumers/${consumerId}/suspend`)).status).toBe(200);
    const order = anOrderCreatedV1({ consumerId, orderId: randomUUID() });

    await app.publishOrderCreated(order);

    const verdict = await verdictOn(order.orderId);
    expect(subjectOf(verdict)).toBe(consumerOrderValidationFailedV1.subject);
    expect(consumerOrderValidationFailedV1.parse(verdict.payload)).toEqual({ consumerId, orderId: order.orderId, reason: expect.stringMatching(/suspended/) });
    expect(Object.keys(verdict.payload).sort()).toEqual(Object.keys(aConsumerOrderValidationFailedV1()).sort());
    expect(verdict.aggregateId).toBe(validationStream(order.orderId));
  });

  it('validates again once a suspended consumer is reactivated', async () => {
    const consumerId = await registerConsumer();
    await call(app, 'POST', `/consumers/${consumerId}/suspend`);
    await call(app, 'POST', `/consumers/${consumerId}/reactivate`);
    const order = anOrderCreatedV1({ consumerId, orderId: randomUUID() });

    await app.publishOrderCreated(order);

    expect(subjectOf(await verdictOn(order.orderId))).toBe(consumerOrderValidatedV1.subject);
  });

  it('fails the order of a consumer nobody registered, and the consumer stays unknown', async () => {
    const consumerId = randomUUID();
    const order = anOrderCreatedV1({ consumerId, orderId: randomUUID() });

    await app.publishOrderCreated(order);

    const verdict = await verdictOn(order.orderId);
    expect(subjectOf(verdict)).toBe(consumerOrderValidationFailedV1.subject);
    expect(consumerOrderValidationFailedV1.parse(verdict.payload)).toEqual({ consumerId, orderId: order.orderId, reason: expect.stringMatching(/does not exist/) });
    expect(verdict.aggregateId).toBe(validationStream(order.orderId));
    const fetched = await call(app, 'GET', `/consumers/${consumerId}`);
    expect(fetched.status).toBe(404);
    expect(fetched.body.code).toBe('CONSUMERS.CONSUMER.NOT_FOUND');
    expect(await new EventStore(app.dataSource).readStream(consumerId)).toEqual([]);
  });

  it('gives one verdict when the same order event is delivered twice', async () => {
    const consumerId = await registerConsumer();
    const order = anOrderCreatedV1({ consumerId, orderId: randomUUID() });
    const messagesBefore = await app.orderMessageCount();
    const eventId = await app.publishOrderCreated(order);
    await verdictOn(order.orderId);

    // A re-published copy (a new Nats-Msg-Id gets it past JetStream's duplicate window): the inbox must catch it.
    await app.publishOrderCreated(order, { eventId, msgId: randomUUID() });

    expect(await app.orderMessageCount()).toBe(messagesBefore + 2);
    await eventually(() => app.orderEventsDrained());
    expect(await storedVerdicts(consumerId, order.orderId)).toEqual(['OrderValidated']);
    expect(verdictsOn(order.orderId)).toHaveLength(1);
    const [{ n }] = await app.dataSource.query(`SELECT count(*)::int AS n FROM msg_inbox WHERE event_id = $1`, [eventId]);
    expect(n).toBe(1);
  });

  it('gives one verdict when two different events announce the same order (the inbox knows only event ids: the order’s validation judges it once)', async () => {
    const consumerId = await registerConsumer();
    const order = anOrderCreatedV1({ consumerId, orderId: randomUUID() });
    await app.publishOrderCreated(order);
    await verdictOn(order.orderId);
    await call(app, 'POST', `/consumers/${consumerId}/suspend`);

    await app.publishOrderCreated(order);

    await eventually(() => app.orderEventsDrained());
    expect(await storedVerdicts(consumerId, order.orderId)).toEqual(['OrderValidated']);
    expect(verdictsOn(order.orderId)).toHaveLength(1);
  });

  it('keeps the Consumer bounded: many orders judged, its stream and version unchanged', async () => {
    const consumerId = await registerConsumer();
    const orders = Array.from({ length: 5 }, () => anOrderCreatedV1({ consumerId, orderId: randomUUID() }));

    await Promise.all(orders.map((order) => app.publishOrderCreated(order)));

    for (const order of orders) expect(subjectOf(await verdictOn(order.orderId))).toBe(consumerOrderValidatedV1.subject);
    expect((await new EventStore(app.dataSource).readStream(consumerId)).map((e) => e.type)).toEqual(['ConsumerRegistered']);
    expect((await call(app, 'GET', `/consumers/${consumerId}`)).body).toMatchObject({ status: 'ACTIVE', version: 1 });
  });

  it('parks an order event that breaks its contract, judging nothing', async () => {
    const consumerId = await registerConsumer();
    const order = { ...anOrderCreatedV1({ consumerId, orderId: randomUUID() }), orderTotalCents: 1 };

    const eventId = await app.publishOrderCreated(order);

    const parked = await eventually(
      async () => {
        const page = await call(app, 'GET', '/admin/dead-letters');
        const item = page.body.items.find((m: { eventId: string | null }) => m.eventId === eventId);
        if (!item) throw new Error(`event ${eventId} not parked yet`);
        return item;
      },
      { timeoutMs: 30_000 },
    );
    expect(parked).toMatchObject({ consumer: 'consumers--order-validation', error: expect.stringMatching(/orderTotalCents/) });
    expect(await storedVerdicts(consumerId, order.orderId)).toEqual([]);
    expect(verdictsOn(order.orderId)).toHaveLength(0);
  });
});
