import {
  AccountCreditLimitChangedV1,
  accountCreditLimitChangedV1Subject,
  AccountOpenedV1,
  accountOpenedV1Subject,
  PaymentAuthorizedV1,
  paymentAuthorizedV1Subject,
  PaymentDeclinedV1,
  paymentDeclinedV1Subject,
  PaymentVoidedV1,
  paymentVoidedV1Subject,
} from '@brigade/contracts/accounting';
import { assertNever } from '@brigade/domain';
import type { StoredEvent } from '@brigade/event-store';
import type { AccountEvent } from '../domain/account.events';

/** The contract an internal event is published as (subject without namespace prefix, JSON body). */
export interface AccountEventMapping {
  readonly subject: string;
  readonly payload: AccountOpenedV1 | AccountCreditLimitChangedV1 | PaymentAuthorizedV1 | PaymentDeclinedV1 | PaymentVoidedV1;
}

/**
 * Internal event -> integration contract, field by field: whatever the domain adds to its own
 * events stays inside this service. Payment events are stored on the Account stream but published
 * on `accounting.payment.*` (their Brigade-Aggregate-Id is the consumerId). Pure, so the relay can
 * map an event again after a failure.
 */
export function mapAccountEvent(stored: StoredEvent): AccountEventMapping {
  const event = { type: stored.type, data: stored.data } as AccountEvent;
  switch (event.type) {
    case 'AccountOpened': {
      const payload: AccountOpenedV1 = { consumerId: event.data.consumerId, creditLimitCents: event.data.creditLimitCents };
      return { subject: accountOpenedV1Subject, payload };
    }
    case 'CreditLimitChanged': {
      const payload: AccountCreditLimitChangedV1 = { consumerId: event.data.consumerId, creditLimitCents: event.data.creditLimitCents };
      return { subject: accountCreditLimitChangedV1Subject, payload };
    }
    case 'PaymentAuthorized': {
      const { orderId, consumerId, amountCents } = event.data;
      const payload: PaymentAuthorizedV1 = { orderId, consumerId, amountCents };
      return { subject: paymentAuthorizedV1Subject, payload };
    }
    case 'PaymentDeclined': {
      const { orderId, consumerId, amountCents, reason } = event.data;
      const payload: PaymentDeclinedV1 = { orderId, consumerId, amountCents, reason };
      return { subject: paymentDeclinedV1Subject, payload };
    }
    case 'PaymentVoided': {
      const { orderId, consumerId, amountCents } = event.data;
      const payload: PaymentVoidedV1 = { orderId, consumerId, amountCents };
      return { subject: paymentVoidedV1Subject, payload };
    }
    default:
      return assertNever(event);
  }
}
