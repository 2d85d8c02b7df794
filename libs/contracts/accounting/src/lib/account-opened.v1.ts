import { cents, defineContract, uuid } from '@brigade/contracts/core';
import { z } from 'zod';
import { exampleConsumerId } from './accounting-fields';

export const accountOpenedV1Subject = 'accounting.account.opened.v1';

/** A registered consumer got an account with a credit limit; nothing is authorised on it yet. */
export const accountOpenedV1Schema = z.strictObject({
  consumerId: uuid,
  creditLimitCents: cents,
});
export type AccountOpenedV1 = z.infer<typeof accountOpenedV1Schema>;

export const accountOpenedV1 = defineContract<AccountOpenedV1>(accountOpenedV1Subject, accountOpenedV1Schema, {
  consumerId: exampleConsumerId,
  creditLimitCents: 50000,
});
