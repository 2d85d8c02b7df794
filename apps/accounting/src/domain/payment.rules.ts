import { isCents } from './money';
import { InvalidPaymentAmountError } from './payment.errors';
import type { PaymentStatus } from './payment.state';

export function checkPaymentCents(value: number, field: string): void {
  if (!isCents(value)) throw new InvalidPaymentAmountError(field, value);
}

/** The reasons published with a decline: orders shows them (prefixed `accounting: `) as the rejection reason. */
export const DeclineReasons = {
  noAccount: (consumerId: string) => `consumer ${consumerId} has no account`,
  aboveAvailableCredit: (amountCents: number, availableCents: number) =>
    `total ${amountCents} cents exceeds available credit ${availableCents} cents`,
  increaseAboveAvailableCredit: (increaseCents: number, availableCents: number) =>
    `increase ${increaseCents} cents exceeds available credit ${availableCents} cents`,
  noOpenAuthorization: (status: PaymentStatus | 'NONE') =>
    status === 'NONE' ? 'no authorisation to revise: the order was never authorised' : `no open authorisation to revise: the payment is ${status}`,
} as const;
