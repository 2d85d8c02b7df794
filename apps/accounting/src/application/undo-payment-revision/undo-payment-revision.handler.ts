import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { PaymentTransaction } from '../payment-transaction/payment-transaction';
import { UndoPaymentRevision } from './undo-payment-revision.command';

@CommandHandler(UndoPaymentRevision)
export class UndoPaymentRevisionHandler implements ICommandHandler<UndoPaymentRevision> {
  constructor(private readonly payments: PaymentTransaction) {}

  async execute({ orderId, revision, metadata }: UndoPaymentRevision): Promise<void> {
    await this.payments.run(orderId, { type: 'UndoPaymentRevision', data: { orderId, revision } }, metadata);
  }
}
