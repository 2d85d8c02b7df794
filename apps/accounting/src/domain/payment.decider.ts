import { assertNever, Decider } from '@brigade/domain';
import type { AuthorizePayment, PaymentCommand, RevisePayment } from './payment.commands';
import type { PaymentEvent } from './payment.events';
import { checkPaymentCents, DeclineReasons } from './payment.rules';
import type { AuthorizedPayment, PaymentState } from './payment.state';

/**
 * The Payment aggregate, one per order: accounting's verdict on the order and what happened to
 * its hold since. Everything it hears comes from other contexts' events and is answered
 * idempotently, whatever the event id: the order's creation is answered once (authorised or
 * declined), each revision once, and voiding, capturing, finalising or undoing what is not there
 * decides nothing. A voided or captured payment never changes again, so a second cancellation
 * never refunds twice. Declines are events, not errors: they are verdicts the orders' sagas wait for.
 */
export const paymentDecider: Decider<PaymentCommand, PaymentEvent, PaymentState> = {
  initialState: () => ({ status: 'NONE', answeredRevision: 0 }),

  decide(command, state) {
    switch (command.type) {
      case 'AuthorizePayment':
        return authorize(command, state);
      case 'VoidPayment':
        if (state.status !== 'AUTHORIZED') return [];
        return [{ type: 'PaymentVoided', data: { orderId: state.orderId, consumerId: state.consumerId, amountCents: state.amountCents } }];
      case 'CapturePayment':
        if (state.status !== 'AUTHORIZED') return [];
        return [{ type: 'PaymentCaptured', data: { orderId: state.orderId, consumerId: state.consumerId, amountCents: state.amountCents } }];
      case 'RevisePayment':
        return revise(command, state);
      case 'FinalizePaymentRevision': {
        const { revision } = command.data;
        if (state.status !== 'AUTHORIZED' || state.pendingRevision?.revision !== revision) return [];
        return [{ type: 'PaymentRevisionFinalized', data: { orderId: state.orderId, consumerId: state.consumerId, revision } }];
      }
      case 'UndoPaymentRevision': {
        const { revision } = command.data;
        if (state.status !== 'AUTHORIZED' || state.pendingRevision?.revision !== revision) return [];
        const { orderId, consumerId, amountCents } = state;
        return [{ type: 'PaymentRevisionUndone', data: { orderId, consumerId, revision, amountCents: state.pendingRevision.previousAmountCents, revisedAmountCents: amountCents } }];
      }
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'PaymentAuthorized': {
        const { orderId, consumerId, amountCents } = event.data;
        return { status: 'AUTHORIZED', orderId, consumerId, amountCents, answeredRevision: state.answeredRevision, pendingRevision: null };
      }
      case 'PaymentDeclined': {
        const { orderId, consumerId, amountCents } = event.data;
        return { status: 'DECLINED', orderId, consumerId, amountCents, answeredRevision: state.answeredRevision };
      }
      case 'PaymentVoided':
        return finished(authorized(state, event.type), 'VOIDED');
      case 'PaymentCaptured':
        return finished(authorized(state, event.type), 'CAPTURED');
      case 'PaymentRevised': {
        const { revision, amountCents, previousAmountCents } = event.data;
        return { ...authorized(state, event.type), amountCents, answeredRevision: revision, pendingRevision: { revision, previousAmountCents } };
      }
      case 'PaymentRevisionDeclined':
        return { ...state, answeredRevision: Math.max(state.answeredRevision, event.data.revision) };
      case 'PaymentRevisionFinalized':
        return { ...authorized(state, event.type), pendingRevision: null };
      case 'PaymentRevisionUndone':
        return { ...authorized(state, event.type), amountCents: event.data.amountCents, pendingRevision: null };
      default:
        return assertNever(event);
    }
  },
};

/** One verdict per order: once answered (whatever happened since), a repeated creation decides nothing. */
function authorize({ data }: AuthorizePayment, state: PaymentState): PaymentEvent[] {
  const { orderId, consumerId, amountCents, availableCents } = data;
  checkPaymentCents(amountCents, 'amountCents');
  if (state.status !== 'NONE') return [];
  if (availableCents === null) {
    return [{ type: 'PaymentDeclined', data: { orderId, consumerId, amountCents, reason: DeclineReasons.noAccount(consumerId) } }];
  }
  if (amountCents > availableCents) {
    return [{ type: 'PaymentDeclined', data: { orderId, consumerId, amountCents, reason: DeclineReasons.aboveAvailableCredit(amountCents, availableCents) } }];
  }
  return [{ type: 'PaymentAuthorized', data: { orderId, consumerId, amountCents } }];
}

/**
 * The open hold of A cents becomes B when B - A fits the available credit (a decrease always
 * fits); otherwise, or without an open authorisation, the revision is declined and the hold stays.
 * Revisions are counted from 1 and arrive in order, so one already answered decides nothing.
 */
function revise({ data }: RevisePayment, state: PaymentState): PaymentEvent[] {
  const { orderId, consumerId, revision, amountCents, availableCents } = data;
  checkPaymentCents(amountCents, 'amountCents');
  if (revision <= state.answeredRevision) return [];
  const decline = (reason: string): PaymentEvent[] => [{ type: 'PaymentRevisionDeclined', data: { orderId, consumerId, revision, reason } }];
  if (state.status !== 'AUTHORIZED') return decline(DeclineReasons.noOpenAuthorization(state.status));
  const increase = amountCents - state.amountCents;
  if (increase > 0 && availableCents === null) return decline(DeclineReasons.noAccount(consumerId));
  if (increase > 0 && availableCents !== null && increase > availableCents) {
    return decline(DeclineReasons.increaseAboveAvailableCredit(increase, availableCents));
  }
  return [{ type: 'PaymentRevised', data: { orderId, consumerId, revision, amountCents, previousAmountCents: state.amountCents } }];
}

function finished(payment: AuthorizedPayment, status: 'VOIDED' | 'CAPTURED'): PaymentState {
  const { orderId, consumerId, amountCents, answeredRevision } = payment;
  return { status, orderId, consumerId, amountCents, answeredRevision };
}

/** Voiding, capturing or revising a payment that is not authorised is a corrupt stream: a bug, not a business answer. */
function authorized(state: PaymentState, eventType: string): AuthorizedPayment {
  if (state.status !== 'AUTHORIZED') throw new Error(`${eventType} in a payment stream that is ${state.status}, not AUTHORIZED`);
  return state;
}
