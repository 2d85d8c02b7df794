import { fold } from '@brigade/domain';
import { given } from '@brigade/testing';
import {
  accountOpened,
  authorizePayment,
  changeCreditLimit,
  consumerId,
  creditLimitChanged,
  openAccount,
  orderId,
  paymentAuthorized,
  paymentDeclined,
  paymentVoided,
  secondOrderId,
  voidPayment,
} from '../../test/account.mothers';
import { accountDecider as account } from './account.decider';
import { AccountErrorCodes as Codes } from './account.errors';
import { AccountLimits } from './account.rules';
import { availableCents } from './account.state';

describe('Account', () => {
  describe('OpenAccount', () => {
    it('opens an account with the credit limit it is given', () => {
      given(account, []).when(openAccount()).then([accountOpened()]);
    });

    it('opens the account of a consumer whose earlier orders were declined for having none', () => {
      given(account, [paymentDeclined()]).when(openAccount()).then([accountOpened()]);
    });

    it('decides nothing when the account is already open (the consumer was registered once)', () => {
      given(account, [accountOpened()]).when(openAccount({ creditLimitCents: 1 })).then([]);
    });

    it.each([
      ['negative', -1],
      ['fractional', 0.5],
      ['above the limit', AccountLimits.maxCreditLimitCents + 1],
    ])('refuses a credit limit that is %s', (_case, creditLimitCents) => {
      given(account, []).when(openAccount({ creditLimitCents })).thenThrows(Codes.InvalidAmount);
    });
  });

  describe('AuthorizePayment', () => {
    it('authorises a total within the available credit', () => {
      given(account, [accountOpened()]).when(authorizePayment()).then([paymentAuthorized()]);
    });

    it('authorises a total equal to the whole available credit', () => {
      given(account, [accountOpened(), paymentAuthorized({ orderId: secondOrderId, amountCents: 40000 })])
        .when(authorizePayment({ amountCents: 10000 }))
        .then([paymentAuthorized({ amountCents: 10000 })]);
    });

    it('declines a total above the available credit, naming both', () => {
      given(account, [accountOpened(), paymentAuthorized({ orderId: secondOrderId, amountCents: 49000 })])
        .when(authorizePayment({ amountCents: 1001 }))
        .then([paymentDeclined({ amountCents: 1001, reason: 'total 1001 cents exceeds available credit 1000 cents' })]);
    });

    it('counts a voided authorisation as available again', () => {
      given(account, [accountOpened(), paymentAuthorized({ orderId: secondOrderId, amountCents: 50000 }), paymentVoided({ orderId: secondOrderId, amountCents: 50000 })])
        .when(authorizePayment({ amountCents: 50000 }))
        .then([paymentAuthorized({ amountCents: 50000 })]);
    });

    it('declines when the consumer has no account', () => {
      given(account, []).when(authorizePayment()).then([paymentDeclined({ reason: `consumer ${consumerId} has no account` })]);
    });

    it.each([
      ['authorised', [accountOpened(), paymentAuthorized()]],
      ['declined', [accountOpened(), paymentDeclined()]],
      ['voided', [accountOpened(), paymentAuthorized(), paymentVoided()]],
      ['declined for want of an account', [paymentDeclined()]],
    ])('decides nothing for an order already %s (idempotent beyond the inbox)', (_case, history) => {
      given(account, history).when(authorizePayment()).then([]);
    });

    it('refuses an amount that is not whole cents (a contract the producer broke)', () => {
      given(account, [accountOpened()]).when(authorizePayment({ amountCents: -5 })).thenThrows(Codes.InvalidAmount);
    });
  });

  describe('VoidPayment', () => {
    it('voids an authorisation, for the amount authorised', () => {
      given(account, [accountOpened(), paymentAuthorized({ amountCents: 1234 })]).when(voidPayment()).then([paymentVoided({ amountCents: 1234 })]);
    });

    it.each([
      ['never authorised', [accountOpened()]],
      ['declined', [accountOpened(), paymentDeclined()]],
      ['already voided', [accountOpened(), paymentAuthorized(), paymentVoided()]],
      ['of a consumer without an account', []],
    ])('decides nothing for an order %s', (_case, history) => {
      given(account, history).when(voidPayment()).then([]);
    });
  });

  describe('ChangeCreditLimit', () => {
    it('changes the credit limit', () => {
      given(account, [accountOpened()]).when(changeCreditLimit()).then([creditLimitChanged()]);
    });

    it('lowers the limit down to exactly what is authorised', () => {
      given(account, [accountOpened(), paymentAuthorized({ amountCents: 2997 })])
        .when(changeCreditLimit({ creditLimitCents: 2997 }))
        .then([creditLimitChanged({ creditLimitCents: 2997 })]);
    });

    it('decides nothing when the limit is the one it already has (PUT is idempotent)', () => {
      given(account, [accountOpened()]).when(changeCreditLimit({ creditLimitCents: 50000 })).then([]);
    });

    it('refuses a limit below what is authorised', () => {
      given(account, [accountOpened(), paymentAuthorized({ amountCents: 2997 })])
        .when(changeCreditLimit({ creditLimitCents: 2996 }))
        .thenThrows(Codes.CreditLimitBelowAuthorized);
    });

    it('refuses to change the limit of a consumer without an account', () => {
      given(account, []).when(changeCreditLimit()).thenThrows(Codes.NotFound);
    });

    it('refuses a limit above the maximum', () => {
      given(account, [accountOpened()]).when(changeCreditLimit({ creditLimitCents: AccountLimits.maxCreditLimitCents + 1 })).thenThrows(Codes.InvalidAmount);
    });
  });

  describe('state', () => {
    it('starts unopened and follows authorisations, voids, declines and limit changes', () => {
      expect(account.initialState()).toEqual({ status: 'UNOPENED', payments: {} });
      const state = fold(account, account.initialState(), [
        accountOpened(),
        paymentAuthorized({ amountCents: 1000 }),
        paymentDeclined({ orderId: secondOrderId }),
        creditLimitChanged({ creditLimitCents: 60000 }),
        paymentVoided({ amountCents: 1000 }),
      ]);
      expect(state).toEqual({
        status: 'OPEN',
        consumerId,
        creditLimitCents: 60000,
        authorizedCents: 0,
        payments: {
          [orderId]: { orderId, amountCents: 1000, status: 'VOIDED' },
          [secondOrderId]: { orderId: secondOrderId, amountCents: 2997, status: 'DECLINED' },
        },
      });
      expect(state.status === 'OPEN' && availableCents(state)).toBe(60000);
    });

    it('refuses a stream where a payment is authorised before the account is opened (a corrupt stream is a bug)', () => {
      expect(() => fold(account, account.initialState(), [paymentAuthorized()])).toThrow(/without AccountOpened/);
    });
  });
});
