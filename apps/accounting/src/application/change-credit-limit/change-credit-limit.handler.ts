import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AccountCommandRunner } from '../../infrastructure/account-command-runner';
import { PaymentViewProjection } from '../../projections/payment-view/payment-view';
import { AccountView, toAccountView } from '../get-account/account.view';
import { FIRST_PAGE, readPaymentPage } from '../get-account/payment-page';
import { ChangeCreditLimit } from './change-credit-limit.command';

/** Answers with the account as it now is, with the first page of its payments (as GET without a cursor). */
@CommandHandler(ChangeCreditLimit)
export class ChangeCreditLimitHandler implements ICommandHandler<ChangeCreditLimit> {
  constructor(
    private readonly accounts: AccountCommandRunner,
    private readonly payments: PaymentViewProjection,
  ) {}

  async execute({ consumerId, creditLimitCents, metadata }: ChangeCreditLimit): Promise<AccountView> {
    const { state } = await this.accounts.run(consumerId, { type: 'ChangeCreditLimit', data: { consumerId, creditLimitCents } }, metadata);
    return toAccountView(consumerId, state, await readPaymentPage(this.payments, consumerId, FIRST_PAGE));
  }
}
