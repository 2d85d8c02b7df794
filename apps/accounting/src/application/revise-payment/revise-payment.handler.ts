import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { PaymentCommand } from '../../domain/payment.commands';
import { PaymentTransaction } from '../payment-transaction/payment-transaction';
import { RevisePayment } from './revise-payment.command';

@CommandHandler(RevisePayment)
export class RevisePaymentHandler implements ICommandHandler<RevisePayment> {
  constructor(private readonly payments: PaymentTransaction) {}

  async execute({ revision, metadata }: RevisePayment): Promise<void> {
    const revise = (availableCents: number | null): PaymentCommand => ({ type: 'RevisePayment', data: { ...revision, availableCents } });
    await this.payments.runWithCredit(revision.consumerId, revision.orderId, revise, metadata);
  }
}
