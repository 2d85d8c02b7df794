import { SERVICE_CONFIG } from '@brigade/service';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { AccountingConfig } from '../../config/accounting.config';
import { AccountCommandRunner } from '../../infrastructure/account-command-runner';
import { OpenAccount } from './open-account.command';

@CommandHandler(OpenAccount)
export class OpenAccountHandler implements ICommandHandler<OpenAccount> {
  constructor(
    private readonly accounts: AccountCommandRunner,
    @Inject(SERVICE_CONFIG) private readonly config: AccountingConfig,
  ) {}

  async execute({ consumerId, metadata }: OpenAccount): Promise<void> {
    const creditLimitCents = this.config.ACCOUNTING_DEFAULT_CREDIT_LIMIT_CENTS;
    await this.accounts.run(consumerId, { type: 'OpenAccount', data: { consumerId, creditLimitCents } }, metadata, { newStream: true });
  }
}
