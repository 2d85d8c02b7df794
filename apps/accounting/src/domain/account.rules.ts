import { InvalidAmountError } from './account.errors';
import { isCents } from './money';

export const AccountLimits = {
  /** The largest credit limit (100 000.00), the same ceiling as any amount accepted at the edge. */
  maxCreditLimitCents: 10_000_000,
} as const;

/** An account's amounts are whole, non-negative cents; `field` names the offending value. */
export function checkCents(value: number, field: string, max = Number.MAX_SAFE_INTEGER): void {
  if (!isCents(value, max)) {
    throw new InvalidAmountError(field, `${field} must be a whole number of cents from 0 to ${max}, got ${value}`);
  }
}
