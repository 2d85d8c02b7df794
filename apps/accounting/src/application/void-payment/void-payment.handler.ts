import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AccountCommandRunner } from '../../infrastructure/account-command-runner';
import { VoidPayment } from './void-payment.command';

@CommandHandler(VoidPayment)
export class VoidPaymentHandler implements ICommandHandler<VoidPayment> {
  constructor(private readonly accounts: AccountCommandRunner) {}

  async execute({ payment, metadata }: VoidPayment): Promise<void> {
    await this.accounts.run(payment.consumerId, { type: 'VoidPayment', data: payment }, metadata);
  }
}
