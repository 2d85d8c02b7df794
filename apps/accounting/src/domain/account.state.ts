export type PaymentStatus = 'AUTHORIZED' | 'DECLINED' | 'VOIDED';

export interface Payment {
  readonly orderId: string;
  readonly amountCents: number;
  readonly status: PaymentStatus;
}

/** Every order this account has answered, keyed by orderId, in the order they were answered. */
export type Payments = Readonly<Record<string, Payment>>;

/**
 * A consumer without an account may still have declined orders (its stream then holds only
 * PaymentDeclined events); an open account has a credit limit and the total it has reserved.
 * availableCents = creditLimitCents - authorizedCents, never negative.
 */
export type AccountState =
  | { readonly status: 'UNOPENED'; readonly payments: Payments }
  | {
      readonly status: 'OPEN';
      readonly consumerId: string;
      readonly creditLimitCents: number;
      readonly authorizedCents: number;
      readonly payments: Payments;
    };

export type OpenAccountState = Extract<AccountState, { status: 'OPEN' }>;

export function availableCents(account: OpenAccountState): number {
  return account.creditLimitCents - account.authorizedCents;
}
