import { fold } from '@brigade/domain';
import { accountOpened, consumerId, creditHeld, orderId, secondOrderId } from '../../../test/account.mothers';
import { accountDecider } from '../../domain/account.decider';
import { AccountErrorCodes } from '../../domain/account.errors';
import { toAccountView } from './account.view';

describe('account view', () => {
  it('shows the limit and what is still available from the account, and the payments it is given as they are', () => {
    const state = fold(accountDecider, accountDecider.initialState(), [accountOpened(), creditHeld({ amountCents: 1000 })]);
    const payments = [
      { orderId: secondOrderId, amountCents: 90000, status: 'DECLINED' as const },
      { orderId, amountCents: 1000, status: 'AUTHORIZED' as const },
    ];
    expect(toAccountView(consumerId, state, { payments, nextCursor: 'next-page' })).toEqual({
      consumerId,
      creditLimitCents: 50000,
      availableCents: 49000,
      authorizations: payments,
      nextCursor: 'next-page',
    });
  });

  it('keeps only the fields of the contract from the rows it is given', () => {
    const state = fold(accountDecider, accountDecider.initialState(), [accountOpened()]);
    const row = { orderId, consumerId, amountCents: 5, status: 'CAPTURED' as const, version: 3, seq: '7' };
    expect(toAccountView(consumerId, state, { payments: [row], nextCursor: null }).authorizations).toEqual([{ orderId, amountCents: 5, status: 'CAPTURED' }]);
  });

  it('refuses a consumer without an account as not found', () => {
    expect(() => toAccountView(consumerId, accountDecider.initialState(), { payments: [], nextCursor: null })).toThrow(expect.objectContaining({ code: AccountErrorCodes.NotFound }));
  });
});
