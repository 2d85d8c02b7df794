import { AccountNotFoundError } from '../../domain/account.errors';
import { AccountState, availableCents, PaymentStatus } from '../../domain/account.state';

export interface AuthorizationView {
  readonly orderId: string;
  readonly amountCents: number;
  readonly status: PaymentStatus;
}

/** An account as the HTTP API shows it: every order it answered, oldest first, declines included. */
export interface AccountView {
  readonly consumerId: string;
  readonly creditLimitCents: number;
  readonly availableCents: number;
  readonly authorizations: readonly AuthorizationView[];
}

/** A consumer without an account is unknown here (404), even when some of its orders were declined. */
export function toAccountView(consumerId: string, state: AccountState): AccountView {
  if (state.status !== 'OPEN') throw new AccountNotFoundError(consumerId);
  return {
    consumerId,
    creditLimitCents: state.creditLimitCents,
    availableCents: availableCents(state),
    authorizations: Object.values(state.payments).map(({ orderId, amountCents, status }) => ({ orderId, amountCents, status })),
  };
}
