import { fold } from '@brigade/domain';
import { accountOpened, consumerId, orderId, paymentAuthorized, paymentDeclined, secondOrderId } from '../../../test/account.mothers';
import { accountDecider } from '../../domain/account.decider';
import { AccountErrorCodes } from '../../domain/account.errors';
import { toAccountView } from './account.view';

describe('account view', () => {
  it('shows the limit, what is still available and every order answered, oldest first', () => {
    const state = fold(accountDecider, accountDecider.initialState(), [
      accountOpened(),
      paymentAuthorized({ amountCents: 1000 }),
      paymentDeclined({ orderId: secondOrderId, amountCents: 90000 }),
    ]);
    expect(toAccountView(consumerId, state)).toEqual({
      consumerId,
      creditLimitCents: 50000,
      availableCents: 49000,
      authorizations: [
        { orderId, amountCents: 1000, status: 'AUTHORIZED' },
        { orderId: secondOrderId, amountCents: 90000, status: 'DECLINED' },
      ],
    });
  });

  it('refuses a consumer without an account as not found, even with declined orders', () => {
    const state = fold(accountDecider, accountDecider.initialState(), [paymentDeclined()]);
    expect(() => toAccountView(consumerId, state)).toThrow(expect.objectContaining({ code: AccountErrorCodes.NotFound }));
  });
});
