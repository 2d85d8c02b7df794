/**
 * An account is opened when its consumer registers; until then it is UNOPENED (orders of that
 * consumer are declined). An open account has a credit limit and the sum of its open
 * authorisations (`heldCents`: authorised, not yet voided or captured) and nothing per order,
 * so its state (and every snapshot of it) stays the same size however many orders it paid for.
 * availableCents = creditLimitCents - heldCents, never negative.
 */
export type AccountState =
  | { readonly status: 'UNOPENED' }
  | { readonly status: 'OPEN'; readonly consumerId: string; readonly creditLimitCents: number; readonly heldCents: number };

export type OpenAccountState = Extract<AccountState, { status: 'OPEN' }>;

export function availableCents(account: OpenAccountState): number {
  return account.creditLimitCents - account.heldCents;
}
