import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { PaymentCommand } from '../../domain/payment.commands';
import { PaymentTransaction } from '../payment-transaction/payment-transaction';
import { AuthorizePayment } from './authorize-payment.command';

@CommandHandler(AuthorizePayment)
export class AuthorizePaymentHandler implements ICommandHandler<AuthorizePayment> {
  constructor(private readonly payments: PaymentTransaction) {}

  async execute({ payment, metadata }: AuthorizePayment): Promise<void> {
    const authorize = (availableCents: number | null): PaymentCommand => ({ type: 'AuthorizePayment', data: { ...payment, availableCents } });
    // A new order has no payment yet: its stream is not read (newStream). A second announcement of
    // the order fails the COMMIT instead, and its next run reads the payment and decides nothing.
    await this.payments.runWithCredit(payment.consumerId, payment.orderId, authorize, metadata, { newStream: true });
  }
}
