import { assertNever, Decider } from '@brigade/domain';
import type { AccountCommand } from './account.commands';
import { AccountNotFoundError, CreditLimitBelowAuthorizedError } from './account.errors';
import type { AccountEvent } from './account.events';
import { AccountLimits, checkCents } from './account.rules';
import { AccountState, availableCents, OpenAccountState } from './account.state';

/**
 * The Account aggregate, one per consumer: its credit limit and the sum held for open
 * authorisations. Whether an order is authorised is the order's Payment's decision
 * (payment.decider.ts), taken on this account's available credit in the same transaction; the
 * account then holds or releases what the payment decided, and refuses a hold that would take
 * more than is available (held never exceeds the limit). Opening an open account, or setting the
 * limit it already has, decides nothing.
 */
export const accountDecider: Decider<AccountCommand, AccountEvent, AccountState> = {
  initialState: () => ({ status: 'UNOPENED' }),

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
        if (creditLimitCents < account.heldCents) throw new CreditLimitBelowAuthorizedError(consumerId, creditLimitCents, account.heldCents);
        return [{ type: 'CreditLimitChanged', data: { consumerId, creditLimitCents } }];
      }
      case 'HoldCredit': {
        const { consumerId, orderId, amountCents } = command.data;
        checkCents(amountCents, 'amountCents');
        const account = holding(state, command.type);
        // The payment was decided on this account's available credit, read in this transaction:
        // only a concurrent change since (a lower limit) gets here. Not a business answer, so a
        // plain error: the message is retried and the payment decided again on the account as it is.
        if (amountCents > availableCents(account)) {
          throw new Error(`a hold of ${amountCents} cents for order ${orderId} exceeds the available ${availableCents(account)} cents (the account changed meanwhile)`);
        }
        return [{ type: 'CreditHeld', data: { consumerId, orderId, amountCents } }];
      }
      case 'ReleaseCredit': {
        const { consumerId, orderId, amountCents } = command.data;
        checkCents(amountCents, 'amountCents');
        const account = holding(state, command.type);
        if (amountCents > account.heldCents) throw new Error(`releasing ${amountCents} cents for order ${orderId}, but only ${account.heldCents} cents are held (a bug)`);
        return [{ type: 'CreditReleased', data: { consumerId, orderId, amountCents } }];
      }
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'AccountOpened':
        return { status: 'OPEN', consumerId: event.data.consumerId, creditLimitCents: event.data.creditLimitCents, heldCents: 0 };
      case 'CreditLimitChanged':
        return { ...afterOpening(state, event.type), creditLimitCents: event.data.creditLimitCents };
      case 'CreditHeld': {
        const account = afterOpening(state, event.type);
        return { ...account, heldCents: account.heldCents + event.data.amountCents };
      }
      case 'CreditReleased': {
        const account = afterOpening(state, event.type);
        return { ...account, heldCents: account.heldCents - event.data.amountCents };
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

/** Only a payment authorised on an open account holds or releases credit: anything else is a bug. */
function holding(state: AccountState, commandType: string): OpenAccountState {
  if (state.status !== 'OPEN') throw new Error(`${commandType} on an account that is not open (a bug)`);
  return state;
}

/** A change of the limit or the held sum on a stream without AccountOpened is a corrupt stream: a bug, not a business answer. */
function afterOpening(state: AccountState, eventType: string): OpenAccountState {
  if (state.status !== 'OPEN') throw new Error(`${eventType} in a stream without AccountOpened`);
  return state;
}
