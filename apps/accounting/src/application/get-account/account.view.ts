import { AccountNotFoundError } from '../../domain/account.errors';
import { AccountState, availableCents } from '../../domain/account.state';
import type { PaymentStatus } from '../../domain/payment.state';

export interface AuthorizationView {
  readonly orderId: string;
  readonly amountCents: number;
  readonly status: PaymentStatus;
}

/** One page of an account's payments, newest first, and the cursor of the next (null on the last). */
export interface PaymentPage {
  readonly payments: readonly AuthorizationView[];
  readonly nextCursor: string | null;
}

/** An account as the HTTP API shows it: its credit, and one page of its payments, newest first, declines included. */
export interface AccountView {
  readonly consumerId: string;
  readonly creditLimitCents: number;
  readonly availableCents: number;
  readonly authorizations: readonly AuthorizationView[];
  readonly nextCursor: string | null;
}

/**
 * The credit comes from the Account aggregate, the page of payments from the payments view. A consumer
 * without an account is unknown here (404), even when some of its orders were declined.
 */
export function toAccountView(consumerId: string, state: AccountState, page: PaymentPage): AccountView {
  if (state.status !== 'OPEN') throw new AccountNotFoundError(consumerId);
  return {
    consumerId,
    creditLimitCents: state.creditLimitCents,
    availableCents: availableCents(state),
    authorizations: page.payments.map(({ orderId, amountCents, status }) => ({ orderId, amountCents, status })),
    nextCursor: page.nextCursor,
  };
}
