import {
  creditHeld,
  creditReleased,
  paymentAuthorized,
  paymentCaptured,
  paymentDeclined,
  paymentRevised,
  paymentRevisionDeclined,
  paymentRevisionFinalized,
  paymentRevisionUndone,
  paymentVoided,
} from '../../test/account.mothers';
import type { PaymentEvent } from './payment.events';
import { holdCommandsFor } from './payment-holds';

const hold = (amountCents: number) => ({ type: 'HoldCredit', data: creditHeld({ amountCents }).data });
const release = (amountCents: number) => ({ type: 'ReleaseCredit', data: creditReleased({ amountCents }).data });

describe('what a payment does to its account', () => {
  it.each<[string, PaymentEvent, object[]]>([
    ['an authorisation holds its amount', paymentAuthorized({ amountCents: 2997 }), [hold(2997)]],
    ['a void releases it', paymentVoided({ amountCents: 2997 }), [release(2997)]],
    ['a capture releases it (the credit comes back on delivery)', paymentCaptured({ amountCents: 3897 }), [release(3897)]],
    ['a revision upwards holds the increase', paymentRevised({ amountCents: 3897, previousAmountCents: 2997 }), [hold(900)]],
    ['a revision downwards releases the decrease', paymentRevised({ amountCents: 1000, previousAmountCents: 2997 }), [release(1997)]],
    ['a revision to the same total moves nothing', paymentRevised({ amountCents: 2997, previousAmountCents: 2997 }), []],
    ['undoing a revision upwards releases the increase', paymentRevisionUndone({ amountCents: 2997, revisedAmountCents: 3897 }), [release(900)]],
    ['undoing a revision downwards holds the decrease again', paymentRevisionUndone({ amountCents: 2997, revisedAmountCents: 1000 }), [hold(1997)]],
    ['a decline holds nothing', paymentDeclined(), []],
    ['a declined revision moves nothing', paymentRevisionDeclined(), []],
    ['a revision made final moves nothing', paymentRevisionFinalized(), []],
    ['an authorisation of nothing holds nothing', paymentAuthorized({ amountCents: 0 }), []],
  ])('%s', (_case, event, commands) => {
    expect(holdCommandsFor([event])).toEqual(commands);
  });

  it('keeps the held sum equal to the open authorisations through a whole life', () => {
    const life = [paymentAuthorized(), paymentRevised(), paymentRevisionUndone(), paymentRevised({ revision: 2, amountCents: 1000 }), paymentCaptured({ amountCents: 1000 })];
    const net = holdCommandsFor(life).reduce((sum, c) => sum + (c.type === 'HoldCredit' ? c.data.amountCents : -c.data.amountCents), 0);
    expect(net).toBe(0);
  });
});
