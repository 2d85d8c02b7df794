import {
  orderCancelledV1,
  orderCancelledV1Subject,
  orderCreatedV1,
  orderCreatedV1Subject,
  orderRejectedV1,
  orderRejectedV1Subject,
  orderRevisedV1,
  orderRevisedV1Subject,
  orderRevisionProposedV1,
  orderRevisionProposedV1Subject,
  orderRevisionRejectedV1,
  orderRevisionRejectedV1Subject,
} from '@brigade/contracts/orders';
import type { EventMetadata } from '@brigade/event-store';
import { JetStreamContext, laneByField } from '@brigade/messaging';
import { Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { AuthorizePayment } from '../../application/authorize-payment/authorize-payment.command';
import { FinalizePaymentRevision } from '../../application/finalize-payment-revision/finalize-payment-revision.command';
import { RevisePayment } from '../../application/revise-payment/revise-payment.command';
import { UndoPaymentRevision } from '../../application/undo-payment-revision/undo-payment-revision.command';
import { VoidPayment } from '../../application/void-payment/void-payment.command';

/**
 * Durable `accounting--payment-authorization` on the ORDERS stream. Every orders.order.* subject
 * accounting answers shares this one durable, so that, per order (the Brigade-Aggregate-Id), the
 * creation is always handled before its rejection or cancellation, and a revision's proposal
 * before its outcome: a void can never overtake the authorisation it undoes. Each message writes
 * its order's Payment and its consumer's Account: the account's lane keeps two orders of one
 * consumer (different partitions) from running at once, where the second would be refused for a
 * concurrent write (and a batch holding it would fall back to one transaction per message). They
 * may share a transaction: the commands decide the second on the state the first left.
 */
const PAYMENTS = { handler: 'payment-authorization', lane: laneByField('account', 'consumerId', { oneTransaction: true }) };

@Controller()
export class OrderEventsConsumer {
  constructor(private readonly commands: CommandBus) {}

  @EventPattern(orderCreatedV1Subject, PAYMENTS)
  async onOrderCreated(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { orderId, consumerId, orderTotalCents } = orderCreatedV1.parse(payload);
    await this.commands.execute(new AuthorizePayment({ consumerId, orderId, amountCents: orderTotalCents }, causedBy(ctx)));
  }

  @EventPattern(orderRejectedV1Subject, PAYMENTS)
  async onOrderRejected(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.commands.execute(new VoidPayment(orderRejectedV1.parse(payload).orderId, causedBy(ctx)));
  }

  @EventPattern(orderCancelledV1Subject, PAYMENTS)
  async onOrderCancelled(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.commands.execute(new VoidPayment(orderCancelledV1.parse(payload).orderId, causedBy(ctx)));
  }

  @EventPattern(orderRevisionProposedV1Subject, PAYMENTS)
  async onRevisionProposed(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { orderId, consumerId, revision, orderTotalCents } = orderRevisionProposedV1.parse(payload);
    await this.commands.execute(new RevisePayment({ orderId, consumerId, revision, amountCents: orderTotalCents }, causedBy(ctx)));
  }

  @EventPattern(orderRevisedV1Subject, PAYMENTS)
  async onOrderRevised(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { orderId, revision } = orderRevisedV1.parse(payload);
    await this.commands.execute(new FinalizePaymentRevision(orderId, revision, causedBy(ctx)));
  }

  @EventPattern(orderRevisionRejectedV1Subject, PAYMENTS)
  async onRevisionRejected(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { orderId, revision } = orderRevisionRejectedV1.parse(payload);
    await this.commands.execute(new UndoPaymentRevision(orderId, revision, causedBy(ctx)));
  }
}

function causedBy(ctx: JetStreamContext): EventMetadata {
  return ctx.causedBy(new Date().toISOString());
}
