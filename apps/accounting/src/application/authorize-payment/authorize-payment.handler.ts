import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AccountCommandRunner } from '../../infrastructure/account-command-runner';
import { AuthorizePayment } from './authorize-payment.command';

@CommandHandler(AuthorizePayment)
export class AuthorizePaymentHandler implements ICommandHandler<AuthorizePayment> {
  constructor(private readonly accounts: AccountCommandRunner) {}

  async execute({ payment, metadata }: AuthorizePayment): Promise<void> {
    await this.accounts.run(payment.consumerId, { type: 'AuthorizePayment', data: payment }, metadata);
  }
}
