import { InvalidAmountError } from './account.errors';

export const AccountLimits = {
  /** The largest credit limit (100 000.00), the same ceiling as any amount accepted at the edge. */
  maxCreditLimitCents: 10_000_000,
} as const;

/** Amounts are whole, non-negative cents; `field` names the offending value. */
export function checkCents(value: number, field: string, max = Number.MAX_SAFE_INTEGER): void {
  if (!Number.isSafeInteger(value) || value < 0 || value > max) {
    throw new InvalidAmountError(field, `${field} must be a whole number of cents from 0 to ${max}, got ${value}`);
  }
}

export const DeclineReasons = {
  noAccount: (consumerId: string) => `consumer ${consumerId} has no account`,
  aboveAvailableCredit: (amountCents: number, availableCents: number) =>
    `total ${amountCents} cents exceeds available credit ${availableCents} cents`,
} as const;
