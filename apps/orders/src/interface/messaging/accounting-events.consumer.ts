import {
  paymentAuthorizedV1,
  paymentAuthorizedV1Subject,
  paymentDeclinedV1,
  paymentDeclinedV1Subject,
  paymentRevisedV1,
  paymentRevisedV1Subject,
  paymentRevisionDeclinedV1,
  paymentRevisionDeclinedV1Subject,
} from '@brigade/contracts/accounting';
import { JetStreamContext } from '@brigade/messaging';
import { Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { RecordVerdict } from '../../application/create-order-saga/record-verdict.command';
import { RecordRevisionVerdict } from '../../application/revise-order-saga/record-revision-verdict.command';
import { causedBy, ORDER_LANE, verdictOf } from './order-messages';

const PAYMENT_VERDICTS = { handler: 'payment-verdicts', lane: ORDER_LANE };

/** Accounting's answers to a new order (authorised or declined) and to a revision (revised or declined). */
@Controller()
export class AccountingEventsConsumer {
  constructor(private readonly commands: CommandBus) {}

  @EventPattern(paymentAuthorizedV1Subject, PAYMENT_VERDICTS)
  async onAuthorized(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { orderId } = paymentAuthorizedV1.parse(payload);
    await this.commands.execute(new RecordVerdict(orderId, 'accounting', verdictOf(null), causedBy(ctx)));
  }

  @EventPattern(paymentDeclinedV1Subject, PAYMENT_VERDICTS)
  async onDeclined(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { orderId, reason } = paymentDeclinedV1.parse(payload);
    await this.commands.execute(new RecordVerdict(orderId, 'accounting', verdictOf(reason), causedBy(ctx)));
  }

  @EventPattern(paymentRevisedV1Subject, PAYMENT_VERDICTS)
  async onRevised(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { orderId, revision } = paymentRevisedV1.parse(payload);
    await this.commands.execute(new RecordRevisionVerdict(orderId, revision, 'accounting', verdictOf(null), causedBy(ctx)));
  }

  @EventPattern(paymentRevisionDeclinedV1Subject, PAYMENT_VERDICTS)
  async onRevisionDeclined(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { orderId, revision, reason } = paymentRevisionDeclinedV1.parse(payload);
    await this.commands.execute(new RecordRevisionVerdict(orderId, revision, 'accounting', verdictOf(reason), causedBy(ctx)));
  }
}
