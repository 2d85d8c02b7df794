import { DomainError } from '@brigade/domain';

/** Stable codes: clients and other contexts match on these, never on messages. */
export const PaymentErrorCodes = {
  InvalidAmount: 'ACCOUNTING.PAYMENT.INVALID_AMOUNT',
} as const;

/** An amount that is not whole, non-negative cents (a producer broke its contract); `field` names it. */
export class InvalidPaymentAmountError extends DomainError {
  constructor(field: string, value: number) {
    super(PaymentErrorCodes.InvalidAmount, 'validation', `${field} must be a whole, non-negative number of cents, got ${value}`, { field });
  }
}
