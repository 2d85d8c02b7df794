import {
  AccountCreditLimitChangedV1,
  accountCreditLimitChangedV1Subject,
  AccountOpenedV1,
  accountOpenedV1Subject,
  PaymentAuthorizedV1,
  paymentAuthorizedV1Subject,
  PaymentCapturedV1,
  paymentCapturedV1Subject,
  PaymentDeclinedV1,
  paymentDeclinedV1Subject,
  PaymentRevisedV1,
  paymentRevisedV1Subject,
  PaymentRevisionDeclinedV1,
  paymentRevisionDeclinedV1Subject,
  PaymentRevisionUndoneV1,
  paymentRevisionUndoneV1Subject,
  PaymentVoidedV1,
  paymentVoidedV1Subject,
} from '@brigade/contracts/accounting';
import { assertNever } from '@brigade/domain';
import type { StoredEvent } from '@brigade/event-store';
import type { EventMapping } from '@brigade/messaging';
import type { AccountEvent } from '../domain/account.events';
import type { PaymentEvent } from '../domain/payment.events';
import { ACCOUNT_STREAM_TYPE } from './account-command-runner';
import { PAYMENT_STREAM_TYPE } from './payment-command-runner';

/**
 * Internal event -> integration contract, field by field: whatever the domain adds to its own
 * events stays inside this service. Account events are published on `accounting.account.*` with
 * the consumerId as Brigade-Aggregate-Id; payment events on `accounting.payment.*` from the
 * order's Payment stream, so their Brigade-Aggregate-Id is `payment-<orderId>` (correlate by the
 * payload's orderId). The account's holds and a revision made final are internal (null: the relay
 * moves past them). Pure, so the relay can map an event again after a failure; an unknown stream
 * type or event type is a bug and throws.
 */
export function mapAccountEvent(stored: StoredEvent): EventMapping | null {
  if (stored.streamType === ACCOUNT_STREAM_TYPE) return mapAccount({ type: stored.type, data: stored.data } as AccountEvent);
  if (stored.streamType === PAYMENT_STREAM_TYPE) return mapPayment({ type: stored.type, data: stored.data } as PaymentEvent);
  throw new Error(`No mapping for events of stream type ${stored.streamType}`);
}

function mapAccount(event: AccountEvent): EventMapping | null {
  switch (event.type) {
    case 'AccountOpened': {
      const payload: AccountOpenedV1 = { consumerId: event.data.consumerId, creditLimitCents: event.data.creditLimitCents };
      return { subject: accountOpenedV1Subject, payload };
    }
    case 'CreditLimitChanged': {
      const payload: AccountCreditLimitChangedV1 = { consumerId: event.data.consumerId, creditLimitCents: event.data.creditLimitCents };
      return { subject: accountCreditLimitChangedV1Subject, payload };
    }
    // What the payments did to the held sum: published as the payment events themselves.
    case 'CreditHeld':
    case 'CreditReleased':
      return null;
    default:
      return assertNever(event);
  }
}

function mapPayment(event: PaymentEvent): EventMapping | null {
  switch (event.type) {
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
    case 'PaymentCaptured': {
      const { orderId, consumerId, amountCents } = event.data;
      const payload: PaymentCapturedV1 = { orderId, consumerId, amountCents };
      return { subject: paymentCapturedV1Subject, payload };
    }
    case 'PaymentRevised': {
      const { orderId, consumerId, revision, amountCents, previousAmountCents } = event.data;
      const payload: PaymentRevisedV1 = { orderId, consumerId, revision, amountCents, previousAmountCents };
      return { subject: paymentRevisedV1Subject, payload };
    }
    case 'PaymentRevisionDeclined': {
      const { orderId, consumerId, revision, reason } = event.data;
      const payload: PaymentRevisionDeclinedV1 = { orderId, consumerId, revision, reason };
      return { subject: paymentRevisionDeclinedV1Subject, payload };
    }
    case 'PaymentRevisionUndone': {
      const { orderId, consumerId, revision, amountCents } = event.data;
      const payload: PaymentRevisionUndoneV1 = { orderId, consumerId, revision, amountCents };
      return { subject: paymentRevisionUndoneV1Subject, payload };
    }
    // Nobody waits for it: orders.order.revised.v1 already told everyone the revision is final.
    case 'PaymentRevisionFinalized':
      return null;
    default:
      return assertNever(event);
  }
}
