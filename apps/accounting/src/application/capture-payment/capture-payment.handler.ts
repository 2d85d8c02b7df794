import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { PaymentTransaction } from '../payment-transaction/payment-transaction';
import { CapturePayment } from './capture-payment.command';

@CommandHandler(CapturePayment)
export class CapturePaymentHandler implements ICommandHandler<CapturePayment> {
  constructor(private readonly payments: PaymentTransaction) {}

  async execute({ orderId, metadata }: CapturePayment): Promise<void> {
    await this.payments.run(orderId, { type: 'CapturePayment', data: { orderId } }, metadata);
  }
}
