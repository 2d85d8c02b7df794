import {
  accountOpenedV1,
  paymentAuthorizedV1,
  paymentDeclinedV1,
  paymentVoidedV1,
} from '@brigade/contracts/accounting';
import type { Contract } from '@brigade/contracts/core';
import { eventually } from '@brigade/testing';
import { randomUUID } from 'node:crypto';
import { AccountingApp, call, paymentStream, PublishedMessage, startAccountingApp } from './accounting-app';
import { consumerRegistered, orderCreated, orderRejected } from './accounting-events';

describe('accounting service: accounts opened and payments authorised from neighbours’ events', () => {
  let app: AccountingApp;

  beforeAll(async () => {
    app = await startAccountingApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  const published = (contract: Contract<unknown>, match: (payload: Record<string, unknown>) => boolean): PublishedMessage[] =>
    app.published.filter((m) => m.subject === `${app.subjectPrefix}${contract.subject}` && match(m.payload));

  /** The one message published on `contract`'s subject for `orderId`, once it has arrived. */
  function publishedForOrder(orderId: string, contract: Contract<unknown>): Promise<PublishedMessage> {
    return eventually(() => {
      const [message] = published(contract, (p) => p.orderId === orderId);
      if (!message) throw new Error(`nothing published on ${contract.subject} for order ${orderId}`);
      return message;
    });
  }

  /** A consumer whose account is open (the registered.v1 event has been handled). */
  async function anAccount(): Promise<string> {
    const consumerId = randomUUID();
    await app.publish(consumerRegistered(consumerId));
    await eventually(async () => expect((await call(app, 'GET', `/accounts/${consumerId}`)).status).toBe(200));
    return consumerId;
  }

  const account = async (consumerId: string) => (await call(app, 'GET', `/accounts/${consumerId}`)).body;

  it('opens an account with the default limit when a consumer registers, and publishes accounting.account.opened.v1', async () => {
    const consumerId = randomUUID();
    await app.publish(consumerRegistered(consumerId));

    const opened = await eventually(() => {
      const [message] = published(accountOpenedV1, (p) => p.consumerId === consumerId);
      if (!message) throw new Error('no accounting.account.opened.v1 yet');
      return message;
    });
    expect(accountOpenedV1.parse(opened.payload)).toEqual({ consumerId, creditLimitCents: 50000 });
    expect(opened.aggregateId).toBe(consumerId);
    expect(await account(consumerId)).toEqual({ consumerId, creditLimitCents: 50000, availableCents: 50000, authorizations: [], nextCursor: null });
  });

  it('authorises an order within the available credit: authorized.v1 published from the order’s payment, available credit reduced', async () => {
    const consumerId = await anAccount();
    const orderId = randomUUID();

    await app.publish(orderCreated(orderId, consumerId, 2997));

    const authorized = await publishedForOrder(orderId, paymentAuthorizedV1);
    expect(paymentAuthorizedV1.parse(authorized.payload)).toEqual({ orderId, consumerId, amountCents: 2997 });
    // The order's own Payment stream is the aggregate; the account only records the hold.
    expect(authorized.aggregateId).toBe(paymentStream(orderId));
    expect(await app.storedEventTypes(paymentStream(orderId))).toEqual(['PaymentAuthorized']);
    expect(await app.storedEventTypes(consumerId)).toEqual(['AccountOpened', 'CreditHeld']);
    expect(await account(consumerId)).toEqual({
      consumerId,
      creditLimitCents: 50000,
      availableCents: 50000 - 2997,
      authorizations: [{ orderId, amountCents: 2997, status: 'AUTHORIZED' }],
      nextCursor: null,
    });
  });

  it('declines an order above the available credit, with the reason, and reserves nothing', async () => {
    const consumerId = await anAccount();
    const orderId = randomUUID();

    await app.publish(orderCreated(orderId, consumerId, 50001));

    const declined = await publishedForOrder(orderId, paymentDeclinedV1);
    expect(paymentDeclinedV1.parse(declined.payload)).toEqual({
      orderId,
      consumerId,
      amountCents: 50001,
      reason: 'total 50001 cents exceeds available credit 50000 cents',
    });
    expect(await account(consumerId)).toMatchObject({ availableCents: 50000, authorizations: [{ orderId, amountCents: 50001, status: 'DECLINED' }] });
  });

  it('declines an order of a consumer without an account', async () => {
    const consumerId = randomUUID();
    const orderId = randomUUID();

    await app.publish(orderCreated(orderId, consumerId, 100));

    const declined = await publishedForOrder(orderId, paymentDeclinedV1);
    expect(paymentDeclinedV1.parse(declined.payload)).toEqual({ orderId, consumerId, amountCents: 100, reason: `consumer ${consumerId} has no account` });
    expect((await call(app, 'GET', `/accounts/${consumerId}`)).status).toBe(404);
    expect(await app.storedEventTypes(consumerId)).toEqual([]);

    // The consumer registers later: the account opens with its whole credit, the decline still listed.
    await app.publish(consumerRegistered(consumerId));
    await eventually(async () => expect((await call(app, 'GET', `/accounts/${consumerId}`)).status).toBe(200));
    expect(await account(consumerId)).toEqual({
      consumerId,
      creditLimitCents: 50000,
      availableCents: 50000,
      authorizations: [{ orderId, amountCents: 100, status: 'DECLINED' }],
      nextCursor: null,
    });
  });

  it('voids the authorisation when the order is rejected: voided.v1 published, available credit restored', async () => {
    const consumerId = await anAccount();
    const orderId = randomUUID();

    await app.publish(orderCreated(orderId, consumerId, 4000));
    await app.publish(orderRejected(orderId, consumerId));

    const voided = await publishedForOrder(orderId, paymentVoidedV1);
    expect(paymentVoidedV1.parse(voided.payload)).toEqual({ orderId, consumerId, amountCents: 4000 });
    expect(await account(consumerId)).toEqual({
      consumerId,
      creditLimitCents: 50000,
      availableCents: 50000,
      authorizations: [{ orderId, amountCents: 4000, status: 'VOIDED' }],
      nextCursor: null,
    });
  });

  it('never over-authorises: two orders of one consumer handled in parallel cannot together pass the limit', async () => {
    const consumerId = await anAccount();
    const [first, second] = [randomUUID(), randomUUID()];

    // Different orders are different partitions, handled at the same time; both hold on the one Account stream.
    await Promise.all([app.publish(orderCreated(first, consumerId, 30000)), app.publish(orderCreated(second, consumerId, 30000))]);

    const ofConsumer = (p: Record<string, unknown>) => p.consumerId === consumerId;
    await eventually(() => expect(published(paymentAuthorizedV1, ofConsumer).length + published(paymentDeclinedV1, ofConsumer).length).toBe(2));
    expect(published(paymentAuthorizedV1, ofConsumer)).toHaveLength(1);
    expect(published(paymentDeclinedV1, ofConsumer)).toHaveLength(1);
    expect(await account(consumerId)).toMatchObject({ availableCents: 20000 });
  });

  it('handles the same order-created event twice, and a second event for the same order, with one authorisation', async () => {
    const consumerId = await anAccount();
    const orderId = randomUUID();
    const created = orderCreated(orderId, consumerId, 1500);
    const eventId = randomUUID();

    await app.publish({ ...created, eventId });
    await app.publish({ ...created, eventId }); // a redelivery: the inbox drops it
    await app.publish(created); // the same order under a new event id: the decider decides nothing
    await app.publish(orderRejected(orderId, consumerId)); // same partition, so handled after all three

    await publishedForOrder(orderId, paymentVoidedV1);
    expect(published(paymentAuthorizedV1, (p) => p.orderId === orderId)).toHaveLength(1);
    expect(await app.storedEventTypes(paymentStream(orderId))).toEqual(['PaymentAuthorized', 'PaymentVoided']);
    expect(await app.storedEventTypes(consumerId)).toEqual(['AccountOpened', 'CreditHeld', 'CreditReleased']);
    expect(await account(consumerId)).toMatchObject({ availableCents: 50000, authorizations: [{ orderId, amountCents: 1500, status: 'VOIDED' }] });
  });

  it('opens one account however often the registration arrives', async () => {
    const consumerId = randomUUID();
    const eventId = randomUUID();
    const lastEventId = randomUUID();

    await app.publish({ ...consumerRegistered(consumerId), eventId });
    await app.publish({ ...consumerRegistered(consumerId), eventId });
    await app.publish({ ...consumerRegistered(consumerId), eventId: lastEventId });

    // Per-aggregate order: once the last event has its inbox row, the two before it were handled.
    await eventually(async () => {
      const rows = await app.dataSource.query('SELECT 1 FROM msg_inbox WHERE consumer = $1 AND event_id = $2', ['accounting--account-opening', lastEventId]);
      expect(rows).toHaveLength(1);
    });
    expect(await app.storedEventTypes(consumerId)).toEqual(['AccountOpened']);
  });

  it('voids nothing for a rejected order it never authorised', async () => {
    const consumerId = await anAccount();
    const declinedOrderId = randomUUID();

    await app.publish(orderCreated(declinedOrderId, consumerId, 90000));
    const unknownOrderId = randomUUID();
    const rejections = [await app.publish(orderRejected(declinedOrderId, consumerId)), await app.publish(orderRejected(unknownOrderId, consumerId))];

    await eventually(async () => {
      const rows = await app.dataSource.query('SELECT 1 FROM msg_inbox WHERE event_id = ANY($1)', [rejections]);
      expect(rows).toHaveLength(2);
    });
    expect(await app.storedEventTypes(paymentStream(declinedOrderId))).toEqual(['PaymentDeclined']);
    expect(await app.storedEventTypes(paymentStream(unknownOrderId))).toEqual([]);
    expect(await app.storedEventTypes(consumerId)).toEqual(['AccountOpened']);
    expect(published(paymentVoidedV1, (p) => p.consumerId === consumerId)).toEqual([]);
  });
});
