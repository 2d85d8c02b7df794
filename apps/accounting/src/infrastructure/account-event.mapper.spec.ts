import {
  accountCreditLimitChangedV1,
  accountOpenedV1,
  anAccountOpenedV1,
  aPaymentDeclinedV1,
  paymentAuthorizedV1,
  paymentDeclinedV1,
  paymentVoidedV1,
} from '@brigade/contracts/accounting';
import type { Contract } from '@brigade/contracts/core';
import type { StoredEvent } from '@brigade/event-store';
import {
  accountOpened,
  consumerId,
  creditLimitChanged,
  paymentAuthorized,
  paymentDeclined,
  paymentVoided,
} from '../../test/account.mothers';
import type { AccountEvent } from '../domain/account.events';
import { mapAccountEvent } from './account-event.mapper';

function stored(event: AccountEvent): StoredEvent {
  return {
    eventId: 'f0c5a3c2-9a9e-4f3c-8d55-1e2f3a4b5c6d',
    streamId: consumerId,
    streamType: 'account',
    streamVersion: 1,
    type: event.type,
    schemaVersion: 1,
    data: event.data,
    metadata: { correlationId: 'c', causationId: null, actor: { id: 'a', role: 'admin' }, occurredAt: '2026-11-27T10:00:00.000Z' },
    position: { transactionId: '1', sequence: '1' },
    recordedAt: new Date('2026-11-27T10:00:00.000Z'),
  };
}

describe('account event mapper', () => {
  it.each<[string, AccountEvent, Contract<unknown>]>([
    ['AccountOpened', accountOpened(), accountOpenedV1],
    ['CreditLimitChanged', creditLimitChanged(), accountCreditLimitChangedV1],
    ['PaymentAuthorized', paymentAuthorized(), paymentAuthorizedV1],
    ['PaymentDeclined', paymentDeclined(), paymentDeclinedV1],
    ['PaymentVoided', paymentVoided(), paymentVoidedV1],
  ])('publishes %s as its contract, with exactly the event data', (_type, event, contract) => {
    const { subject, payload } = mapAccountEvent(stored(event));
    expect(subject).toBe(contract.subject);
    expect(contract.parse(payload)).toEqual(event.data);
    expect(Object.keys(payload).sort()).toEqual(Object.keys(contract.example as object).sort());
  });

  it('keeps the decline reason and the contract field set', () => {
    const { payload } = mapAccountEvent(stored(paymentDeclined({ reason: 'total 2 cents exceeds available credit 1 cents' })));
    expect(payload).toMatchObject({ reason: 'total 2 cents exceeds available credit 1 cents' });
    expect(Object.keys(payload).sort()).toEqual(Object.keys(aPaymentDeclinedV1()).sort());
  });

  it('never lets a field the domain adds to its events leak onto the wire', () => {
    const opened = accountOpened();
    const withInternals = { ...opened, data: { ...opened.data, riskScore: 7 } };
    const { payload } = mapAccountEvent(stored(withInternals as AccountEvent));
    expect(payload).toEqual(anAccountOpenedV1({ consumerId }));
    expect(JSON.stringify(payload)).not.toMatch(/riskScore/);
  });

  it('refuses an event type it does not know (a bug, never silently skipped)', () => {
    expect(() => mapAccountEvent(stored({ type: 'AccountClosed', data: {} } as never))).toThrow(/AccountClosed/);
  });
});
