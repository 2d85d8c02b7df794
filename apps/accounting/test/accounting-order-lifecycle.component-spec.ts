import {
  paymentAuthorizedV1,
  paymentCapturedV1,
  paymentRevisedV1,
  paymentRevisionDeclinedV1,
  paymentRevisionUndoneV1,
  paymentVoidedV1,
} from '@brigade/contracts/accounting';
import type { Contract } from '@brigade/contracts/core';
import { eventually } from '@brigade/testing';
import { randomUUID } from 'node:crypto';
import { AccountingApp, call, paymentStream, PublishedMessage, startAccountingApp } from './accounting-app';
import {
  consumerRegistered,
  delivered,
  orderCancelled,
  orderCreated,
  orderRevised,
  revisionProposed,
  revisionRejected,
} from './accounting-events';

const PAYMENT_DURABLE = 'accounting--payment-authorization';
const CAPTURE_DURABLE = 'accounting--payment-capture';

describe('accounting service: cancellation, delivery and revision move the money exactly once', () => {
  let app: AccountingApp;

  beforeAll(async () => {
    app = await startAccountingApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  const published = (contract: Contract<unknown>, orderId: string): PublishedMessage[] =>
    app.published.filter((m) => m.subject === `${app.subjectPrefix}${contract.subject}` && m.payload.orderId === orderId);

  function publishedForOrder(orderId: string, contract: Contract<unknown>): Promise<PublishedMessage> {
    return eventually(() => {
      const [message] = published(contract, orderId);
      if (!message) throw new Error(`nothing published on ${contract.subject} for order ${orderId}`);
      return message;
    });
  }

  /** Resolves once `durable` has answered every one of these events (its inbox rows are written with the effects). */
  async function handled(durable: string, eventIds: string[]): Promise<void> {
    await eventually(async () => {
      const rows = await app.dataSource.query('SELECT 1 FROM msg_inbox WHERE consumer = $1 AND event_id = ANY($2)', [durable, eventIds]);
      expect(rows).toHaveLength(eventIds.length);
    });
  }

  async function anAccount(): Promise<string> {
    const consumerId = randomUUID();
    await app.publish(consumerRegistered(consumerId));
    await eventually(async () => expect((await call(app, 'GET', `/accounts/${consumerId}`)).status).toBe(200));
    return consumerId;
  }

  /** An account with one authorised order of `totalCents`. */
  async function anAuthorisedOrder(totalCents: number): Promise<{ consumerId: string; orderId: string }> {
    const consumerId = await anAccount();
    const orderId = randomUUID();
    await app.publish(orderCreated(orderId, consumerId, totalCents));
    await publishedForOrder(orderId, paymentAuthorizedV1);
    return { consumerId, orderId };
  }

  const account = async (consumerId: string) => (await call(app, 'GET', `/accounts/${consumerId}`)).body;

  describe('cancel (orders.order.cancelled.v1)', () => {
    it('voids the authorisation exactly once, however many cancellations arrive, and gives the credit back', async () => {
      const { consumerId, orderId } = await anAuthorisedOrder(4000);
      expect(await account(consumerId)).toMatchObject({ availableCents: 46000 });

      // Two different events (not a redelivery: the inbox cannot catch the second).
      const cancellations = [await app.publish(orderCancelled(orderId, consumerId)), await app.publish(orderCancelled(orderId, consumerId))];
      await handled(PAYMENT_DURABLE, cancellations);

      const voided = await publishedForOrder(orderId, paymentVoidedV1);
      expect(paymentVoidedV1.parse(voided.payload)).toEqual({ orderId, consumerId, amountCents: 4000 });
      expect(voided.aggregateId).toBe(paymentStream(orderId));
      expect(published(paymentVoidedV1, orderId)).toHaveLength(1);
      expect(await app.storedEventTypes(paymentStream(orderId))).toEqual(['PaymentAuthorized', 'PaymentVoided']);
      expect(await app.storedEventTypes(consumerId)).toEqual(['AccountOpened', 'CreditHeld', 'CreditReleased']);
      expect(await account(consumerId)).toEqual({
        consumerId,
        creditLimitCents: 50000,
        availableCents: 50000,
        authorizations: [{ orderId, amountCents: 4000, status: 'VOIDED' }],
        nextCursor: null,
      });
    });
  });

  describe('capture (delivery.delivery.delivered.v1)', () => {
    it('captures the payment once and gives its credit back; a cancellation after delivery changes nothing', async () => {
      const { consumerId, orderId } = await anAuthorisedOrder(2500);

      const deliveries = [await app.publish(delivered(orderId)), await app.publish(delivered(orderId))];
      await handled(CAPTURE_DURABLE, deliveries);

      const captured = await publishedForOrder(orderId, paymentCapturedV1);
      expect(paymentCapturedV1.parse(captured.payload)).toEqual({ orderId, consumerId, amountCents: 2500 });
      expect(captured.aggregateId).toBe(paymentStream(orderId));
      expect(published(paymentCapturedV1, orderId)).toHaveLength(1);
      expect(await account(consumerId)).toEqual({
        consumerId,
        creditLimitCents: 50000,
        availableCents: 50000,
        authorizations: [{ orderId, amountCents: 2500, status: 'CAPTURED' }],
        nextCursor: null,
      });

      await handled(PAYMENT_DURABLE, [await app.publish(orderCancelled(orderId, consumerId))]);
      expect(published(paymentVoidedV1, orderId)).toEqual([]);
      expect(await app.storedEventTypes(paymentStream(orderId))).toEqual(['PaymentAuthorized', 'PaymentCaptured']);
      expect(await account(consumerId)).toMatchObject({ availableCents: 50000, authorizations: [{ orderId, status: 'CAPTURED' }] });
    });

    it('captures nothing for an order it never authorised', async () => {
      const orderId = randomUUID();
      await handled(CAPTURE_DURABLE, [await app.publish(delivered(orderId))]);
      expect(await app.storedEventTypes(paymentStream(orderId))).toEqual([]);
      expect(published(paymentCapturedV1, orderId)).toEqual([]);
    });
  });

  describe('revise (orders.order.revision-proposed.v1, then revised.v1 or revision-rejected.v1)', () => {
    it('revises within the credit: holds the new total, and the approved revision stays even if a rejection follows', async () => {
      const { consumerId, orderId } = await anAuthorisedOrder(2997);

      const proposals = [await app.publish(revisionProposed(orderId, consumerId, 1, 3897)), await app.publish(revisionProposed(orderId, consumerId, 1, 3897))];
      const revised = await publishedForOrder(orderId, paymentRevisedV1);
      await handled(PAYMENT_DURABLE, proposals);
      expect(paymentRevisedV1.parse(revised.payload)).toEqual({ orderId, consumerId, revision: 1, amountCents: 3897, previousAmountCents: 2997 });
      expect(published(paymentRevisedV1, orderId)).toHaveLength(1);
      expect(await account(consumerId)).toMatchObject({ availableCents: 50000 - 3897, authorizations: [{ orderId, amountCents: 3897, status: 'AUTHORIZED' }] });

      await handled(PAYMENT_DURABLE, [await app.publish(orderRevised(orderId, consumerId, 1, 3897)), await app.publish(revisionRejected(orderId, consumerId, 1))]);
      expect(published(paymentRevisionUndoneV1, orderId)).toEqual([]);
      expect(await app.storedEventTypes(paymentStream(orderId))).toEqual(['PaymentAuthorized', 'PaymentRevised', 'PaymentRevisionFinalized']);
      expect(await account(consumerId)).toMatchObject({ availableCents: 50000 - 3897 });

      // Delivered at the revised total: all of it comes back.
      await app.publish(delivered(orderId));
      const captured = await publishedForOrder(orderId, paymentCapturedV1);
      expect(paymentCapturedV1.parse(captured.payload)).toMatchObject({ amountCents: 3897 });
      await eventually(async () => expect(await account(consumerId)).toMatchObject({ availableCents: 50000 }));
    });

    it('declines a revision whose increase is above the available credit: the hold stays, and its rejection undoes nothing', async () => {
      const { consumerId, orderId } = await anAuthorisedOrder(40000);

      await app.publish(revisionProposed(orderId, consumerId, 1, 60000));

      const declined = await publishedForOrder(orderId, paymentRevisionDeclinedV1);
      expect(paymentRevisionDeclinedV1.parse(declined.payload)).toEqual({
        orderId,
        consumerId,
        revision: 1,
        reason: 'increase 20000 cents exceeds available credit 10000 cents',
      });
      await handled(PAYMENT_DURABLE, [await app.publish(revisionRejected(orderId, consumerId, 1))]);
      expect(published(paymentRevisedV1, orderId)).toEqual([]);
      expect(published(paymentRevisionUndoneV1, orderId)).toEqual([]);
      expect(await app.storedEventTypes(consumerId)).toEqual(['AccountOpened', 'CreditHeld']);
      expect(await account(consumerId)).toMatchObject({ availableCents: 10000, authorizations: [{ orderId, amountCents: 40000, status: 'AUTHORIZED' }] });
    });

    it('undoes a revision it said yes to once the order rejects it: the hold is the old total again, once', async () => {
      const { consumerId, orderId } = await anAuthorisedOrder(2997);
      await app.publish(revisionProposed(orderId, consumerId, 1, 3897));
      await publishedForOrder(orderId, paymentRevisedV1);

      const rejections = [await app.publish(revisionRejected(orderId, consumerId, 1)), await app.publish(revisionRejected(orderId, consumerId, 1))];
      await handled(PAYMENT_DURABLE, rejections);

      const undone = await publishedForOrder(orderId, paymentRevisionUndoneV1);
      expect(paymentRevisionUndoneV1.parse(undone.payload)).toEqual({ orderId, consumerId, revision: 1, amountCents: 2997 });
      expect(published(paymentRevisionUndoneV1, orderId)).toHaveLength(1);
      expect(await app.storedEventTypes(consumerId)).toEqual(['AccountOpened', 'CreditHeld', 'CreditHeld', 'CreditReleased']);
      expect(await account(consumerId)).toMatchObject({ availableCents: 50000 - 2997, authorizations: [{ orderId, amountCents: 2997, status: 'AUTHORIZED' }] });

      // A later revision starts from the old total again.
      await app.publish(revisionProposed(orderId, consumerId, 2, 1000));
      await eventually(() => expect(published(paymentRevisedV1, orderId)).toHaveLength(2));
      expect(paymentRevisedV1.parse(published(paymentRevisedV1, orderId)[1].payload)).toMatchObject({ revision: 2, amountCents: 1000, previousAmountCents: 2997 });
      await eventually(async () => expect(await account(consumerId)).toMatchObject({ availableCents: 49000 }));
    });
  });

  describe('GET /accounts/:consumerId pages its payments', () => {
    const page = async (consumerId: string, query: string) => {
      const answer = await call(app, 'GET', `/accounts/${consumerId}${query}`);
      expect(answer.status).toBe(200);
      return answer.body;
    };
    const idsOf = (body: { authorizations: Array<{ orderId: string }> }) => body.authorizations.map((a) => a.orderId);

    it('shows the newest 20 by default, pages on through every payment newest first and each once, while the credit counts every open one; the account snapshot holds no payments', async () => {
      const consumerId = await anAccount();
      const place = async (count: number): Promise<string[]> => {
        const orderIds = Array.from({ length: count }, () => randomUUID());
        for (const orderId of orderIds) await app.publish(orderCreated(orderId, consumerId, 100));
        await eventually(() => expect(orderIds.filter((orderId) => published(paymentAuthorizedV1, orderId).length === 1)).toHaveLength(count), {
          timeoutMs: 30_000,
        });
        return orderIds;
      };

      const oldest = await place(5);
      const later = await place(50);

      const first = await account(consumerId);
      expect(first.availableCents).toBe(50000 - 55 * 100);
      expect(first.authorizations).toHaveLength(20);
      expect(first.nextCursor).toEqual(expect.stringMatching(/^[A-Za-z0-9_-]+$/));
      const fifty = await page(consumerId, '?limit=50');
      expect(new Set(idsOf(fifty))).toEqual(new Set(later));
      expect(fifty.authorizations.every((a: { status: string; amountCents: number }) => a.status === 'AUTHORIZED' && a.amountCents === 100)).toBe(true);
      expect(first.authorizations).toEqual(fifty.authorizations.slice(0, 20));

      // A payment answered while a client walks the pages shifts none of them.
      const [newest] = await place(1);
      const walked = [...idsOf(first)];
      let next: string | null = first.nextCursor;
      const sizes = [first.authorizations.length];
      while (next !== null) {
        const body = await page(consumerId, `?cursor=${next}`);
        walked.push(...idsOf(body));
        sizes.push(body.authorizations.length);
        next = body.nextCursor;
      }
      expect(sizes).toEqual([20, 20, 15]);
      expect(walked).toHaveLength(55);
      expect(new Set(walked.slice(0, 50))).toEqual(new Set(later));
      expect(new Set(walked.slice(50))).toEqual(new Set(oldest));

      // A page exactly as large as what is left is the last one.
      const whole = await page(consumerId, '?limit=56');
      expect(whole.nextCursor).toBeNull();
      expect(idsOf(whole)).toEqual([newest, ...walked]);
      const after = await account(consumerId);
      expect(after.authorizations[0]).toEqual({ orderId: newest, amountCents: 100, status: 'AUTHORIZED' });
      expect(idsOf(after)).not.toContain(oldest[0]);

      // 56 holds on the account stream: snapshotted, and a snapshot is three numbers, whatever the number of orders.
      const [snapshot] = await app.dataSource.query('SELECT schema_version, state FROM es_snapshots WHERE stream_id = $1', [consumerId]);
      expect(snapshot).toEqual({ schema_version: 2, state: { status: 'OPEN', consumerId, creditLimitCents: 50000, heldCents: expect.any(Number) } });
    });

    it('keeps each account’s pages to itself: another account’s cursor shows only this account’s payments', async () => {
      const mine = await anAuthorisedOrder(700);
      const theirs = await anAuthorisedOrder(800);
      const theirSecond = randomUUID();
      await app.publish(orderCreated(theirSecond, theirs.consumerId, 900));
      await eventually(() => expect(published(paymentAuthorizedV1, theirSecond)).toHaveLength(1));
      const theirFirstPage = await page(theirs.consumerId, '?limit=1');
      expect(theirFirstPage.nextCursor).not.toBeNull();

      // The cursor only says where to resume (their newest payment, answered after mine).
      const mixed = await page(mine.consumerId, `?cursor=${theirFirstPage.nextCursor}`);
      expect(idsOf(mixed)).toEqual([mine.orderId]);
    });
  });
});
