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

/**
 * Accounting's answers to a new order (authorised or declined) and to a revision (revised or
 * declined). Each names the consumer (and the amount, where it holds one): the saga parks an
 * answer that does not match its order.
 */
@Controller()
export class AccountingEventsConsumer {
  constructor(private readonly commands: CommandBus) {}

  @EventPattern(paymentAuthorizedV1Subject, PAYMENT_VERDICTS)
  async onAuthorized(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { orderId, consumerId, amountCents } = paymentAuthorizedV1.parse(payload);
    await this.commands.execute(new RecordVerdict(orderId, 'accounting', verdictOf(null), { consumerId, amountCents }, causedBy(ctx)));
  }

  @EventPattern(paymentDeclinedV1Subject, PAYMENT_VERDICTS)
  async onDeclined(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { orderId, consumerId, amountCents, reason } = paymentDeclinedV1.parse(payload);
    await this.commands.execute(new RecordVerdict(orderId, 'accounting', verdictOf(reason), { consumerId, amountCents }, causedBy(ctx)));
  }

  @EventPattern(paymentRevisedV1Subject, PAYMENT_VERDICTS)
  async onRevised(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { orderId, revision, consumerId, amountCents } = paymentRevisedV1.parse(payload);
    await this.commands.execute(new RecordRevisionVerdict(orderId, revision, 'accounting', verdictOf(null), { consumerId, amountCents }, causedBy(ctx)));
  }

  @EventPattern(paymentRevisionDeclinedV1Subject, PAYMENT_VERDICTS)
  async onRevisionDeclined(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { orderId, revision, consumerId, reason } = paymentRevisionDeclinedV1.parse(payload);
    await this.commands.execute(new RecordRevisionVerdict(orderId, revision, 'accounting', verdictOf(reason), { consumerId }, causedBy(ctx)));
  }
}
