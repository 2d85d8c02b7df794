import { AccountNotFoundError } from '../../domain/account.errors';
import { AccountState, availableCents } from '../../domain/account.state';
import type { PaymentStatus } from '../../domain/payment.state';

/** How many of an account's payments GET shows, newest first: the answer stays small however many orders the consumer placed. */
export const AUTHORIZATIONS_SHOWN = 50;

export interface AuthorizationView {
  readonly orderId: string;
  readonly amountCents: number;
  readonly status: PaymentStatus;
}

/** An account as the HTTP API shows it: its credit, and its latest payments, newest first, declines included. */
export interface AccountView {
  readonly consumerId: string;
  readonly creditLimitCents: number;
  readonly availableCents: number;
  readonly authorizations: readonly AuthorizationView[];
}

/**
 * The credit comes from the Account aggregate, the list from the payments view. A consumer
 * without an account is unknown here (404), even when some of its orders were declined.
 */
export function toAccountView(consumerId: string, state: AccountState, payments: readonly AuthorizationView[]): AccountView {
  if (state.status !== 'OPEN') throw new AccountNotFoundError(consumerId);
  return {
    consumerId,
    creditLimitCents: state.creditLimitCents,
    availableCents: availableCents(state),
    authorizations: payments.map(({ orderId, amountCents, status }) => ({ orderId, amountCents, status })),
  };
}
