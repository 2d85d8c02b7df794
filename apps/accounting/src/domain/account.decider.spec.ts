import { fold, isDomainError } from '@brigade/domain';
import { given } from '@brigade/testing';
import {
  accountOpened,
  changeCreditLimit,
  consumerId,
  creditHeld,
  creditLimitChanged,
  creditReleased,
  holdCredit,
  openAccount,
  releaseCredit,
  secondOrderId,
} from '../../test/account.mothers';
import { accountDecider as account } from './account.decider';
import { AccountErrorCodes as Codes } from './account.errors';
import { AccountLimits } from './account.rules';
import { availableCents } from './account.state';

describe('Account', () => {
  describe('OpenAccount', () => {
    it('opens an account with the credit limit it is given, nothing held', () => {
      given(account, []).when(openAccount()).then([accountOpened()]);
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

  describe('HoldCredit', () => {
    it('holds an amount within the available credit', () => {
      given(account, [accountOpened()]).when(holdCredit()).then([creditHeld()]);
    });

    it('holds an amount equal to the whole available credit', () => {
      given(account, [accountOpened(), creditHeld({ orderId: secondOrderId, amountCents: 40000 })])
        .when(holdCredit({ amountCents: 10000 }))
        .then([creditHeld({ amountCents: 10000 })]);
    });

    it('counts released credit as available again', () => {
      given(account, [accountOpened(), creditHeld({ amountCents: 50000 }), creditReleased({ amountCents: 50000 })])
        .when(holdCredit({ orderId: secondOrderId, amountCents: 50000 }))
        .then([creditHeld({ orderId: secondOrderId, amountCents: 50000 })]);
    });

    it('refuses a hold above the available credit with a plain error (the payment was decided on an account that changed since: decided again)', () => {
      const state = fold(account, account.initialState(), [accountOpened(), creditLimitChanged({ creditLimitCents: 1000 })]);
      const refusal = thrownBy(() => account.decide(holdCredit({ amountCents: 1001 }), state));
      expect(String(refusal)).toMatch(/exceeds the available 1000 cents/);
      expect(isDomainError(refusal)).toBe(false); // a DomainError would be a final answer: the order would get no verdict
    });

    it('refuses to hold on an account that was never opened (a bug: payments are only authorised on open accounts)', () => {
      expect(() => account.decide(holdCredit(), account.initialState())).toThrow(/not open/);
    });

    it('refuses an amount that is not whole cents', () => {
      given(account, [accountOpened()]).when(holdCredit({ amountCents: 1.5 })).thenThrows(Codes.InvalidAmount);
    });
  });

  describe('ReleaseCredit', () => {
    it('releases what was held', () => {
      given(account, [accountOpened(), creditHeld({ amountCents: 1234 })]).when(releaseCredit({ amountCents: 1234 })).then([creditReleased({ amountCents: 1234 })]);
    });

    it('releases part of what was held (a revision downwards)', () => {
      given(account, [accountOpened(), creditHeld({ amountCents: 1234 })]).when(releaseCredit({ amountCents: 234 })).then([creditReleased({ amountCents: 234 })]);
    });

    it('refuses to release more than is held (a bug, never a business answer)', () => {
      const state = fold(account, account.initialState(), [accountOpened(), creditHeld({ amountCents: 10 })]);
      expect(() => account.decide(releaseCredit({ amountCents: 11 }), state)).toThrow(/only 10 cents are held/);
    });
  });

  describe('ChangeCreditLimit', () => {
    it('changes the credit limit', () => {
      given(account, [accountOpened()]).when(changeCreditLimit()).then([creditLimitChanged()]);
    });

    it('lowers the limit down to exactly what is held', () => {
      given(account, [accountOpened(), creditHeld({ amountCents: 2997 })])
        .when(changeCreditLimit({ creditLimitCents: 2997 }))
        .then([creditLimitChanged({ creditLimitCents: 2997 })]);
    });

    it('decides nothing when the limit is the one it already has (PUT is idempotent)', () => {
      given(account, [accountOpened()]).when(changeCreditLimit({ creditLimitCents: 50000 })).then([]);
    });

    it('refuses a limit below what is held', () => {
      given(account, [accountOpened(), creditHeld({ amountCents: 2997 })])
        .when(changeCreditLimit({ creditLimitCents: 2996 }))
        .thenThrows(Codes.CreditLimitBelowAuthorized);
    });

    it('allows a limit below what was held once it has been released', () => {
      given(account, [accountOpened(), creditHeld({ amountCents: 2997 }), creditReleased({ amountCents: 2997 })])
        .when(changeCreditLimit({ creditLimitCents: 0 }))
        .then([creditLimitChanged({ creditLimitCents: 0 })]);
    });

    it('refuses to change the limit of a consumer without an account', () => {
      given(account, []).when(changeCreditLimit()).thenThrows(Codes.NotFound);
    });

    it('refuses a limit above the maximum', () => {
      given(account, [accountOpened()]).when(changeCreditLimit({ creditLimitCents: AccountLimits.maxCreditLimitCents + 1 })).thenThrows(Codes.InvalidAmount);
    });
  });

  describe('state', () => {
    it('keeps only the limit and the sum held, however many orders it paid for', () => {
      expect(account.initialState()).toEqual({ status: 'UNOPENED' });
      const orders = Array.from({ length: 200 }, (_, i) => `order-${i}`);
      const state = fold(account, account.initialState(), [
        accountOpened(),
        ...orders.flatMap((orderId) => [creditHeld({ orderId, amountCents: 100 }), creditReleased({ orderId, amountCents: 100 })]),
        creditHeld({ amountCents: 1000 }),
        creditLimitChanged({ creditLimitCents: 60000 }),
      ]);
      expect(state).toEqual({ status: 'OPEN', consumerId, creditLimitCents: 60000, heldCents: 1000 });
      expect(state.status === 'OPEN' && availableCents(state)).toBe(59000);
    });

    it('refuses a stream where credit is held before the account is opened (a corrupt stream is a bug)', () => {
      expect(() => fold(account, account.initialState(), [creditHeld()])).toThrow(/without AccountOpened/);
    });
  });
});

function thrownBy(act: () => unknown): unknown {
  try {
    act();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error, none was thrown');
}
