import { fold } from '@brigade/domain';
import { given } from '@brigade/testing';
import {
  authorizePayment,
  capturePayment,
  consumerId,
  finalizeRevision,
  orderId,
  paymentAuthorized,
  paymentCaptured,
  paymentDeclined,
  paymentRevised,
  paymentRevisionDeclined,
  paymentRevisionFinalized,
  paymentRevisionUndone,
  paymentVoided,
  revisePayment,
  undoRevision,
  voidPayment,
} from '../../test/account.mothers';
import { paymentDecider as payment } from './payment.decider';
import { PaymentErrorCodes as Codes } from './payment.errors';

const noAccount = `consumer ${consumerId} has no account`;

describe('Payment', () => {
  describe('AuthorizePayment (orders.order.created.v1)', () => {
    it('authorises a total within the available credit', () => {
      given(payment, []).when(authorizePayment()).then([paymentAuthorized()]);
    });

    it('authorises a total equal to the whole available credit', () => {
      given(payment, []).when(authorizePayment({ amountCents: 10000, availableCents: 10000 })).then([paymentAuthorized({ amountCents: 10000 })]);
    });

    it('declines a total above the available credit, naming both', () => {
      given(payment, [])
        .when(authorizePayment({ amountCents: 1001, availableCents: 1000 }))
        .then([paymentDeclined({ amountCents: 1001, reason: 'total 1001 cents exceeds available credit 1000 cents' })]);
    });

    it('declines when the consumer has no account', () => {
      given(payment, []).when(authorizePayment({ availableCents: null })).then([paymentDeclined({ reason: noAccount })]);
    });

    it.each([
      ['authorised', [paymentAuthorized()]],
      ['declined', [paymentDeclined({ reason: 'total 2997 cents exceeds available credit 0 cents' })]],
      ['declined for want of an account', [paymentDeclined()]],
      ['voided', [paymentAuthorized(), paymentVoided()]],
      ['captured', [paymentAuthorized(), paymentCaptured()]],
    ])('decides nothing for an order already %s (one verdict per order, whatever the event id)', (_case, history) => {
      given(payment, history).when(authorizePayment()).then([]);
    });

    it('refuses an amount that is not whole cents (a contract the producer broke)', () => {
      given(payment, []).when(authorizePayment({ amountCents: -5 })).thenThrows(Codes.InvalidAmount);
    });
  });

  describe('VoidPayment (orders.order.rejected.v1, orders.order.cancelled.v1)', () => {
    it('voids an authorisation, for the amount held', () => {
      given(payment, [paymentAuthorized({ amountCents: 1234 })]).when(voidPayment()).then([paymentVoided({ amountCents: 1234 })]);
    });

    it('voids a revised authorisation for its revised amount', () => {
      given(payment, [paymentAuthorized(), paymentRevised(), paymentRevisionFinalized()]).when(voidPayment()).then([paymentVoided({ amountCents: 3897 })]);
    });

    it.each([
      ['never authorised', []],
      ['declined', [paymentDeclined()]],
      ['already voided (a second cancellation never refunds twice)', [paymentAuthorized(), paymentVoided()]],
      ['captured (a delivered order is paid)', [paymentAuthorized(), paymentCaptured()]],
    ])('decides nothing for a payment %s', (_case, history) => {
      given(payment, history).when(voidPayment()).then([]);
    });
  });

  describe('CapturePayment (delivery.delivery.delivered.v1)', () => {
    it('captures an authorisation, for the amount held', () => {
      given(payment, [paymentAuthorized()]).when(capturePayment()).then([paymentCaptured()]);
    });

    it('captures a revised authorisation for its revised amount', () => {
      given(payment, [paymentAuthorized(), paymentRevised(), paymentRevisionFinalized()]).when(capturePayment()).then([paymentCaptured({ amountCents: 3897 })]);
    });

    it.each([
      ['never authorised', []],
      ['declined', [paymentDeclined()]],
      ['voided', [paymentAuthorized(), paymentVoided()]],
      ['already captured', [paymentAuthorized(), paymentCaptured()]],
    ])('decides nothing for a payment %s', (_case, history) => {
      given(payment, history).when(capturePayment()).then([]);
    });
  });

  describe('RevisePayment (orders.order.revision-proposed.v1)', () => {
    it('revises the hold upwards when the increase fits the available credit', () => {
      given(payment, [paymentAuthorized()]).when(revisePayment({ amountCents: 3897, availableCents: 900 })).then([paymentRevised()]);
    });

    it('declines an increase above the available credit, naming both; the hold stays', () => {
      given(payment, [paymentAuthorized()])
        .when(revisePayment({ amountCents: 3897, availableCents: 899 }))
        .then([paymentRevisionDeclined({ reason: 'increase 900 cents exceeds available credit 899 cents' })]);
    });

    it('revises downwards whatever the available credit (a decrease always fits)', () => {
      given(payment, [paymentAuthorized()])
        .when(revisePayment({ amountCents: 1000, availableCents: 0 }))
        .then([paymentRevised({ amountCents: 1000, previousAmountCents: 2997 })]);
    });

    it('revises downwards even without an account to read', () => {
      given(payment, [paymentAuthorized()])
        .when(revisePayment({ amountCents: 1000, availableCents: null }))
        .then([paymentRevised({ amountCents: 1000, previousAmountCents: 2997 })]);
    });

    it('declines an increase when there is no account to hold it on', () => {
      given(payment, [paymentAuthorized()]).when(revisePayment({ availableCents: null })).then([paymentRevisionDeclined({ reason: noAccount })]);
    });

    it('declines a revision of an order it never authorised', () => {
      given(payment, [])
        .when(revisePayment())
        .then([paymentRevisionDeclined({ reason: 'no authorisation to revise: the order was never authorised' })]);
    });

    it.each([
      ['declined', [paymentDeclined()], 'DECLINED'],
      ['voided', [paymentAuthorized(), paymentVoided()], 'VOIDED'],
      ['captured', [paymentAuthorized(), paymentCaptured()], 'CAPTURED'],
    ])('declines a revision of a payment %s, naming its state', (_case, history, status) => {
      given(payment, history)
        .when(revisePayment())
        .then([paymentRevisionDeclined({ reason: `no open authorisation to revise: the payment is ${status}` })]);
    });

    it.each([
      ['revised', [paymentAuthorized(), paymentRevised()]],
      ['declined', [paymentAuthorized(), paymentRevisionDeclined()]],
      ['revised, then made final', [paymentAuthorized(), paymentRevised(), paymentRevisionFinalized()]],
      ['revised, then undone', [paymentAuthorized(), paymentRevised(), paymentRevisionUndone()]],
      ['declined for want of an authorisation', [paymentRevisionDeclined({ reason: 'no authorisation to revise: the order was never authorised' })]],
    ])('decides nothing for a revision it already %s (one answer per revision)', (_case, history) => {
      given(payment, history).when(revisePayment()).then([]);
    });

    it('revises a revised payment again from its revised amount', () => {
      given(payment, [paymentAuthorized(), paymentRevised(), paymentRevisionFinalized()])
        .when(revisePayment({ revision: 2, amountCents: 4000, availableCents: 103 }))
        .then([paymentRevised({ revision: 2, amountCents: 4000, previousAmountCents: 3897 })]);
    });

    it('revises a payment whose previous revision was undone from its original amount', () => {
      given(payment, [paymentAuthorized(), paymentRevised(), paymentRevisionUndone()])
        .when(revisePayment({ revision: 2, amountCents: 3000, availableCents: 3 }))
        .then([paymentRevised({ revision: 2, amountCents: 3000, previousAmountCents: 2997 })]);
    });

    it('refuses an amount that is not whole cents', () => {
      given(payment, [paymentAuthorized()]).when(revisePayment({ amountCents: 0.5 })).thenThrows(Codes.InvalidAmount);
    });
  });

  describe('FinalizePaymentRevision (orders.order.revised.v1)', () => {
    it('makes the revision it said yes to final', () => {
      given(payment, [paymentAuthorized(), paymentRevised()]).when(finalizeRevision()).then([paymentRevisionFinalized()]);
    });

    it.each([
      ['a revision it declined', [paymentAuthorized(), paymentRevisionDeclined()], 1],
      ['a revision it never saw', [paymentAuthorized()], 1],
      ['another revision than the pending one', [paymentAuthorized(), paymentRevised()], 2],
      ['a revision already final', [paymentAuthorized(), paymentRevised(), paymentRevisionFinalized()], 1],
      ['a voided payment', [paymentAuthorized(), paymentRevised(), paymentVoided({ amountCents: 3897 })], 1],
    ])('decides nothing for %s', (_case, history, revision) => {
      given(payment, history).when(finalizeRevision(revision)).then([]);
    });
  });

  describe('UndoPaymentRevision (orders.order.revision-rejected.v1)', () => {
    it('puts the hold back to what it was before the revision it said yes to', () => {
      given(payment, [paymentAuthorized(), paymentRevised()])
        .when(undoRevision())
        .then([paymentRevisionUndone({ amountCents: 2997, revisedAmountCents: 3897 })]);
    });

    it('puts back a hold that a revision had lowered', () => {
      given(payment, [paymentAuthorized(), paymentRevised({ amountCents: 1000 })])
        .when(undoRevision())
        .then([paymentRevisionUndone({ amountCents: 2997, revisedAmountCents: 1000 })]);
    });

    it.each([
      ['a revision it declined (the hold never moved)', [paymentAuthorized(), paymentRevisionDeclined()], 1],
      ['a revision it never saw', [paymentAuthorized()], 1],
      ['another revision than the pending one', [paymentAuthorized(), paymentRevised()], 2],
      ['a revision already undone', [paymentAuthorized(), paymentRevised(), paymentRevisionUndone()], 1],
      ['a revision already final', [paymentAuthorized(), paymentRevised(), paymentRevisionFinalized()], 1],
      ['a captured payment', [paymentAuthorized(), paymentRevised(), paymentCaptured({ amountCents: 3897 })], 1],
      ['a payment never authorised', [], 1],
    ])('decides nothing for %s', (_case, history, revision) => {
      given(payment, history).when(undoRevision(revision)).then([]);
    });
  });

  describe('state', () => {
    it('starts with no answer, then follows the authorisation, its revision and its end', () => {
      expect(payment.initialState()).toEqual({ status: 'NONE', answeredRevision: 0 });
      const revised = fold(payment, payment.initialState(), [paymentAuthorized(), paymentRevised()]);
      expect(revised).toEqual({
        status: 'AUTHORIZED',
        orderId,
        consumerId,
        amountCents: 3897,
        answeredRevision: 1,
        pendingRevision: { revision: 1, previousAmountCents: 2997 },
      });
      const captured = fold(payment, revised, [paymentRevisionFinalized(), paymentCaptured({ amountCents: 3897 })]);
      expect(captured).toEqual({ status: 'CAPTURED', orderId, consumerId, amountCents: 3897, answeredRevision: 1 });
    });

    it('remembers a declined revision without moving the hold', () => {
      const state = fold(payment, payment.initialState(), [paymentAuthorized(), paymentRevisionDeclined({ revision: 2 })]);
      expect(state).toMatchObject({ status: 'AUTHORIZED', amountCents: 2997, answeredRevision: 2, pendingRevision: null });
    });

    it('refuses a stream that voids a payment never authorised (a corrupt stream is a bug)', () => {
      expect(() => fold(payment, payment.initialState(), [paymentVoided()])).toThrow(/NONE, not AUTHORIZED/);
      expect(() => fold(payment, payment.initialState(), [paymentDeclined(), paymentCaptured()])).toThrow(/DECLINED, not AUTHORIZED/);
    });
  });
});
