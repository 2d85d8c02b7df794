import { cents, defineContract, uuid } from '@brigade/contracts/core';
import { z } from 'zod';
import { exampleConsumerId } from './accounting-fields';

export const accountCreditLimitChangedV1Subject = 'accounting.account.credit-limit-changed.v1';

/** The account's credit limit is now `creditLimitCents` (never below what is currently authorised). */
export const accountCreditLimitChangedV1Schema = z.strictObject({
  consumerId: uuid,
  creditLimitCents: cents,
});
export type AccountCreditLimitChangedV1 = z.infer<typeof accountCreditLimitChangedV1Schema>;

export const accountCreditLimitChangedV1 = defineContract<AccountCreditLimitChangedV1>(
  accountCreditLimitChangedV1Subject,
  accountCreditLimitChangedV1Schema,
  { consumerId: exampleConsumerId, creditLimitCents: 75000 },
);
