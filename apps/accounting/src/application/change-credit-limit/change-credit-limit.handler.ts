import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AccountCommandRunner } from '../../infrastructure/account-command-runner';
import { AccountView, toAccountView } from '../get-account/account.view';
import { ChangeCreditLimit } from './change-credit-limit.command';

@CommandHandler(ChangeCreditLimit)
export class ChangeCreditLimitHandler implements ICommandHandler<ChangeCreditLimit> {
  constructor(private readonly accounts: AccountCommandRunner) {}

  async execute({ consumerId, creditLimitCents, metadata }: ChangeCreditLimit): Promise<AccountView> {
    const { state } = await this.accounts.run(consumerId, { type: 'ChangeCreditLimit', data: { consumerId, creditLimitCents } }, metadata);
    return toAccountView(consumerId, state);
  }
}
