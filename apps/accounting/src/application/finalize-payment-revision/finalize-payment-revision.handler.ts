import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { PaymentTransaction } from '../payment-transaction/payment-transaction';
import { FinalizePaymentRevision } from './finalize-payment-revision.command';

@CommandHandler(FinalizePaymentRevision)
export class FinalizePaymentRevisionHandler implements ICommandHandler<FinalizePaymentRevision> {
  constructor(private readonly payments: PaymentTransaction) {}

  async execute({ orderId, revision, metadata }: FinalizePaymentRevision): Promise<void> {
    await this.payments.run(orderId, { type: 'FinalizePaymentRevision', data: { orderId, revision } }, metadata);
  }
}
