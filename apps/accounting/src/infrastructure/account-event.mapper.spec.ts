import {
  accountCreditLimitChangedV1,
  accountOpenedV1,
  anAccountOpenedV1,
  aPaymentDeclinedV1,
  aPaymentRevisionUndoneV1,
  paymentAuthorizedV1,
  paymentCapturedV1,
  paymentDeclinedV1,
  paymentRevisedV1,
  paymentRevisionDeclinedV1,
  paymentRevisionUndoneV1,
  paymentVoidedV1,
} from '@brigade/contracts/accounting';
import type { Contract } from '@brigade/contracts/core';
import type { StoredEvent } from '@brigade/event-store';
import {
  accountOpened,
  consumerId,
  creditHeld,
  creditLimitChanged,
  creditReleased,
  orderId,
  paymentAuthorized,
  paymentCaptured,
  paymentDeclined,
  paymentRevised,
  paymentRevisionDeclined,
  paymentRevisionFinalized,
  paymentRevisionUndone,
  paymentVoided,
} from '../../test/account.mothers';
import type { AccountEvent } from '../domain/account.events';
import type { PaymentEvent } from '../domain/payment.events';
import { mapAccountEvent } from './account-event.mapper';

function stored(event: AccountEvent | PaymentEvent, streamType: string): StoredEvent {
  return {
    eventId: 'f0c5a3c2-9a9e-4f3c-8d55-1e2f3a4b5c6d',
    streamId: streamType === 'payment' ? `payment-${orderId}` : consumerId,
    streamType,
    streamVersion: 1,
    type: event.type,
    schemaVersion: 1,
    data: event.data,
    metadata: { correlationId: 'c', causationId: null, actor: { id: 'a', role: 'admin' }, occurredAt: '2026-11-27T10:00:00.000Z' },
    position: { transactionId: '1', sequence: '1' },
    recordedAt: new Date('2026-11-27T10:00:00.000Z'),
  };
}

/** The contract's own fields only: what the payload must carry, no more, no less. */
const fieldsOf = (contract: Contract<unknown>) => Object.keys(contract.example as object).sort();

describe('accounting event mapper', () => {
  it.each<[string, AccountEvent, Contract<unknown>]>([
    ['AccountOpened', accountOpened(), accountOpenedV1],
    ['CreditLimitChanged', creditLimitChanged(), accountCreditLimitChangedV1],
  ])('publishes the account event %s as its contract, with exactly the event data', (_type, event, contract) => {
    const mapping = mapAccountEvent(stored(event, 'account'));
    expect(mapping?.subject).toBe(contract.subject);
    expect(contract.parse(mapping?.payload)).toEqual(event.data);
    expect(Object.keys(mapping?.payload ?? {}).sort()).toEqual(fieldsOf(contract));
  });

  it.each<[string, PaymentEvent, Contract<unknown>]>([
    ['PaymentAuthorized', paymentAuthorized(), paymentAuthorizedV1],
    ['PaymentDeclined', paymentDeclined(), paymentDeclinedV1],
    ['PaymentVoided', paymentVoided(), paymentVoidedV1],
    ['PaymentCaptured', paymentCaptured(), paymentCapturedV1],
    ['PaymentRevised', paymentRevised(), paymentRevisedV1],
    ['PaymentRevisionDeclined', paymentRevisionDeclined(), paymentRevisionDeclinedV1],
  ])('publishes the payment event %s as its contract, with exactly the event data', (_type, event, contract) => {
    const mapping = mapAccountEvent(stored(event, 'payment'));
    expect(mapping?.subject).toBe(contract.subject);
    expect(contract.parse(mapping?.payload)).toEqual(event.data);
    expect(Object.keys(mapping?.payload ?? {}).sort()).toEqual(fieldsOf(contract));
  });

  it('publishes PaymentRevisionUndone with the restored amount, keeping the revised one it replaced inside', () => {
    const mapping = mapAccountEvent(stored(paymentRevisionUndone({ amountCents: 2997, revisedAmountCents: 3897 }), 'payment'));
    expect(mapping?.subject).toBe(paymentRevisionUndoneV1.subject);
    expect(paymentRevisionUndoneV1.parse(mapping?.payload)).toEqual({ orderId, consumerId, revision: 1, amountCents: 2997 });
    expect(Object.keys(mapping?.payload ?? {}).sort()).toEqual(Object.keys(aPaymentRevisionUndoneV1()).sort());
  });

  it('keeps the decline reason and the contract field set', () => {
    const mapping = mapAccountEvent(stored(paymentDeclined({ reason: 'total 2 cents exceeds available credit 1 cents' }), 'payment'));
    expect(mapping?.payload).toMatchObject({ reason: 'total 2 cents exceeds available credit 1 cents' });
    expect(Object.keys(mapping?.payload ?? {}).sort()).toEqual(Object.keys(aPaymentDeclinedV1()).sort());
  });

  it.each<[string, AccountEvent | PaymentEvent, string]>([
    ['CreditHeld', creditHeld(), 'account'],
    ['CreditReleased', creditReleased(), 'account'],
    ['PaymentRevisionFinalized', paymentRevisionFinalized(), 'payment'],
  ])('publishes nothing for the internal event %s (the relay moves past it)', (_type, event, streamType) => {
    expect(mapAccountEvent(stored(event, streamType))).toBeNull();
  });

  it('never lets a field the domain adds to its events leak onto the wire', () => {
    const opened = accountOpened();
    const withInternals = { ...opened, data: { ...opened.data, riskScore: 7 } };
    const mapping = mapAccountEvent(stored(withInternals as AccountEvent, 'account'));
    expect(mapping?.payload).toEqual(anAccountOpenedV1({ consumerId }));
    expect(JSON.stringify(mapping?.payload)).not.toMatch(/riskScore/);
  });

  it('refuses an event type it does not know (a bug, never silently skipped)', () => {
    expect(() => mapAccountEvent(stored({ type: 'AccountClosed', data: {} } as never, 'account'))).toThrow(/AccountClosed/);
    expect(() => mapAccountEvent(stored({ type: 'PaymentRefunded', data: {} } as never, 'payment'))).toThrow(/PaymentRefunded/);
  });

  it('refuses a stream type it does not know', () => {
    expect(() => mapAccountEvent(stored(accountOpened(), 'ledger'))).toThrow(/ledger/);
  });
});
