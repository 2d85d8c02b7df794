import { accountingContracts, aPaymentAuthorizedV1, aPaymentDeclinedV1 } from './accounting-contracts';
import { accountOpenedV1 } from './account-opened.v1';
import { paymentAuthorizedV1 } from './payment-authorized.v1';
import { paymentDeclinedV1 } from './payment-declined.v1';

describe('accounting contracts', () => {
  it.each(accountingContracts.map((c) => [c.subject, c] as const))('%s: the example fixture satisfies its schema', (_subject, contract) => {
    expect(contract.parse(contract.example)).toEqual(contract.example);
  });

  it('publishes account events on accounting.account.* and payment events on accounting.payment.*', () => {
    expect(accountingContracts.map((c) => c.subject)).toEqual([
      'accounting.account.opened.v1',
      'accounting.account.credit-limit-changed.v1',
      'accounting.payment.authorized.v1',
      'accounting.payment.declined.v1',
      'accounting.payment.voided.v1',
      'accounting.payment.captured.v1',
      'accounting.payment.revised.v1',
      'accounting.payment.revision-declined.v1',
      'accounting.payment.revision-undone.v1',
    ]);
  });

  it('refuses a field the contract does not declare', () => {
    expect(() => paymentAuthorizedV1.parse({ ...aPaymentAuthorizedV1(), availableCents: 1 })).toThrow(/availableCents/);
  });

  it('refuses a negative or fractional amount', () => {
    expect(() => paymentAuthorizedV1.parse(aPaymentAuthorizedV1({ amountCents: -1 }))).toThrow(/amountCents/);
    expect(() => accountOpenedV1.parse({ consumerId: aPaymentAuthorizedV1().consumerId, creditLimitCents: 0.5 })).toThrow(/creditLimitCents/);
  });

  it('refuses a decline without a reason', () => {
    expect(() => paymentDeclinedV1.parse(aPaymentDeclinedV1({ reason: '' }))).toThrow(/reason/);
  });
});
