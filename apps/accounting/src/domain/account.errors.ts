import { DomainError } from '@brigade/domain';

/** Stable codes: clients and other contexts match on these, never on messages. */
export const AccountErrorCodes = {
  NotFound: 'ACCOUNTING.ACCOUNT.NOT_FOUND',
  InvalidAmount: 'ACCOUNTING.ACCOUNT.INVALID_AMOUNT',
  CreditLimitBelowAuthorized: 'ACCOUNTING.ACCOUNT.CREDIT_LIMIT_BELOW_AUTHORIZED',
} as const;

export class AccountNotFoundError extends DomainError {
  constructor(consumerId: string) {
    super(AccountErrorCodes.NotFound, 'not-found', `Consumer ${consumerId} has no account`, { consumerId });
  }
}

/** An amount or limit that is not whole, non-negative cents within bounds; `field` names it. */
export class InvalidAmountError extends DomainError {
  constructor(field: string, message: string) {
    super(AccountErrorCodes.InvalidAmount, 'validation', message, { field });
  }
}

/** Lowering the limit below what is held for open authorisations would make the available credit negative. */
export class CreditLimitBelowAuthorizedError extends DomainError {
  constructor(consumerId: string, creditLimitCents: number, authorizedCents: number) {
    super(
      AccountErrorCodes.CreditLimitBelowAuthorized,
      'rule',
      `Credit limit ${creditLimitCents} cents is below the ${authorizedCents} cents currently authorised`,
      { consumerId, creditLimitCents, authorizedCents },
    );
  }
}
