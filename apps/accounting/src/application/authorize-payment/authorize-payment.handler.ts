import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { PaymentCommand } from '../../domain/payment.commands';
import { PaymentTransaction } from '../payment-transaction/payment-transaction';
import { AuthorizePayment } from './authorize-payment.command';

@CommandHandler(AuthorizePayment)
export class AuthorizePaymentHandler implements ICommandHandler<AuthorizePayment> {
  constructor(private readonly payments: PaymentTransaction) {}

  async execute({ payment, metadata }: AuthorizePayment): Promise<void> {
    const authorize = (availableCents: number | null): PaymentCommand => ({ type: 'AuthorizePayment', data: { ...payment, availableCents } });
    // The order's payment stream (empty for a new order) is read in the account's round trip, and
    // the payment is appended with the COMMIT: a second announcement of the order racing this one
    // fails that COMMIT, and the message is decided again on the stored payment.
    await this.payments.runWithCredit(payment.consumerId, payment.orderId, authorize, metadata);
  }
}
