import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AccountCommandRunner } from '../../infrastructure/account-command-runner';
import { PaymentViewProjection } from '../../projections/payment-view/payment-view';
import { AccountView, AUTHORIZATIONS_SHOWN, toAccountView } from '../get-account/account.view';
import { ChangeCreditLimit } from './change-credit-limit.command';

@CommandHandler(ChangeCreditLimit)
export class ChangeCreditLimitHandler implements ICommandHandler<ChangeCreditLimit> {
  constructor(
    private readonly accounts: AccountCommandRunner,
    private readonly payments: PaymentViewProjection,
  ) {}

  async execute({ consumerId, creditLimitCents, metadata }: ChangeCreditLimit): Promise<AccountView> {
    const { state } = await this.accounts.run(consumerId, { type: 'ChangeCreditLimit', data: { consumerId, creditLimitCents } }, metadata);
    return toAccountView(consumerId, state, await this.payments.newestOf(consumerId, AUTHORIZATIONS_SHOWN));
  }
}
