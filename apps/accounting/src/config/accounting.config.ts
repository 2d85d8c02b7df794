import { baseConfigSchema, ConfigOf, defineConfig, integerString, port } from '@brigade/service';
import { AccountLimits } from '../domain/account.rules';

/**
 * The accounting service listens on 3005 by default. ACCOUNTING_DEFAULT_CREDIT_LIMIT_CENTS is the
 * credit limit of the account opened for every newly registered consumer (default 500.00).
 */
export const accountingConfig = defineConfig(
  baseConfigSchema.extend({
    PORT: port(3005),
    ACCOUNTING_DEFAULT_CREDIT_LIMIT_CENTS: integerString({ min: 0, max: AccountLimits.maxCreditLimitCents, default: 50000 }),
  }),
);

export type AccountingConfig = ConfigOf<typeof accountingConfig>;
