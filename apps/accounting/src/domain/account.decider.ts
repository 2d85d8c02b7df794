import { assertNever, Decider } from '@brigade/domain';
import type { AccountCommand } from './account.commands';
import { AccountNotFoundError, CreditLimitBelowAuthorizedError } from './account.errors';
import type { AccountEvent } from './account.events';
import { AccountLimits, checkCents, DeclineReasons } from './account.rules';
import { AccountState, availableCents, OpenAccountState, Payment } from './account.state';

/**
 * The Account aggregate, one per consumer, holding its payment authorisations. Everything it
 * hears from other contexts is answered idempotently: opening an open account, answering an
 * order already answered, or voiding what is not authorised decides nothing. A decline is an
 * event, not an error: it is accounting's verdict, published for the CreateOrder saga.
 */
export const accountDecider: Decider<AccountCommand, AccountEvent, AccountState> = {
  initialState: () => ({ status: 'UNOPENED', payments: {} }),

  decide(command, state) {
    switch (command.type) {
      case 'OpenAccount': {
        const { consumerId, creditLimitCents } = command.data;
        checkCents(creditLimitCents, 'creditLimitCents', AccountLimits.maxCreditLimitCents);
        if (state.status === 'OPEN') return [];
        return [{ type: 'AccountOpened', data: { consumerId, creditLimitCents } }];
      }
      case 'ChangeCreditLimit': {
        const { consumerId, creditLimitCents } = command.data;
        checkCents(creditLimitCents, 'creditLimitCents', AccountLimits.maxCreditLimitCents);
        const account = opened(state, consumerId);
        if (creditLimitCents === account.creditLimitCents) return [];
        if (creditLimitCents < account.authorizedCents) {
          throw new CreditLimitBelowAuthorizedError(consumerId, creditLimitCents, account.authorizedCents);
        }
        return [{ type: 'CreditLimitChanged', data: { consumerId, creditLimitCents } }];
      }
      case 'AuthorizePayment': {
        const { consumerId, orderId, amountCents } = command.data;
        checkCents(amountCents, 'amountCents');
        if (state.payments[orderId]) return [];
        if (state.status === 'UNOPENED') {
          return [{ type: 'PaymentDeclined', data: { consumerId, orderId, amountCents, reason: DeclineReasons.noAccount(consumerId) } }];
        }
        const available = availableCents(state);
        if (amountCents > available) {
          const reason = DeclineReasons.aboveAvailableCredit(amountCents, available);
          return [{ type: 'PaymentDeclined', data: { consumerId, orderId, amountCents, reason } }];
        }
        return [{ type: 'PaymentAuthorized', data: { consumerId, orderId, amountCents } }];
      }
      case 'VoidPayment': {
        const { consumerId, orderId } = command.data;
        const payment = state.payments[orderId];
        if (payment?.status !== 'AUTHORIZED') return [];
        return [{ type: 'PaymentVoided', data: { consumerId, orderId, amountCents: payment.amountCents } }];
      }
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'AccountOpened':
        return { status: 'OPEN', ...event.data, authorizedCents: 0, payments: state.payments };
      case 'CreditLimitChanged':
        return { ...afterOpening(state, event.type), creditLimitCents: event.data.creditLimitCents };
      case 'PaymentDeclined':
        return { ...state, payments: withPayment(state, event.data, 'DECLINED') };
      case 'PaymentAuthorized': {
        const account = afterOpening(state, event.type);
        return { ...account, authorizedCents: account.authorizedCents + event.data.amountCents, payments: withPayment(state, event.data, 'AUTHORIZED') };
      }
      case 'PaymentVoided': {
        const account = afterOpening(state, event.type);
        return { ...account, authorizedCents: account.authorizedCents - event.data.amountCents, payments: withPayment(state, event.data, 'VOIDED') };
      }
      default:
        return assertNever(event);
    }
  },
};

function opened(state: AccountState, consumerId: string): OpenAccountState {
  if (state.status !== 'OPEN') throw new AccountNotFoundError(consumerId);
  return state;
}

/** Authorising or voiding on a stream without AccountOpened is a corrupt stream: a bug, not a business answer. */
function afterOpening(state: AccountState, eventType: string): OpenAccountState {
  if (state.status !== 'OPEN') throw new Error(`${eventType} in a stream without AccountOpened`);
  return state;
}

/** Voiding changes a payment's status in place, so the list keeps the order in which orders were answered. */
function withPayment(state: AccountState, data: { orderId: string; amountCents: number }, status: Payment['status']) {
  return { ...state.payments, [data.orderId]: { orderId: data.orderId, amountCents: data.amountCents, status } };
}
