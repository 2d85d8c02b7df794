import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { PaymentTransaction } from '../payment-transaction/payment-transaction';
import { VoidPayment } from './void-payment.command';

@CommandHandler(VoidPayment)
export class VoidPaymentHandler implements ICommandHandler<VoidPayment> {
  constructor(private readonly payments: PaymentTransaction) {}

  async execute({ orderId, metadata }: VoidPayment): Promise<void> {
    await this.payments.run(orderId, { type: 'VoidPayment', data: { orderId } }, metadata);
  }
}
