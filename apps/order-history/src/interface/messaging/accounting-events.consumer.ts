import {
  paymentAuthorizedV1Subject,
  paymentCapturedV1Subject,
  paymentDeclinedV1Subject,
  paymentRevisedV1Subject,
  paymentRevisionDeclinedV1Subject,
  paymentRevisionUndoneV1Subject,
  paymentVoidedV1Subject,
} from '@brigade/contracts/accounting';
import { JetStreamContext } from '@brigade/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { OrderView } from '../../projections/order-view/order-view';

/**
 * Durable `order-history--accounting`: the payment of each order, found by the payload's orderId.
 * Its events are ordered by what they mean, not by their stream's version (order-lifecycle.ts,
 * PaymentSteps): accounting may append one order's payment events to more than one stream.
 */
const ACCOUNTING = { handler: 'accounting' };

@Controller()
export class AccountingEventsConsumer {
  constructor(private readonly orders: OrderView) {}

  @EventPattern(paymentAuthorizedV1Subject, ACCOUNTING)
  async onAuthorized(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.orders.applyEvent(ctx, payload);
  }

  @EventPattern(paymentDeclinedV1Subject, ACCOUNTING)
  async onDeclined(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.orders.applyEvent(ctx, payload);
  }

  @EventPattern(paymentVoidedV1Subject, ACCOUNTING)
  async onVoided(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.orders.applyEvent(ctx, payload);
  }

  @EventPattern(paymentCapturedV1Subject, ACCOUNTING)
  async onCaptured(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.orders.applyEvent(ctx, payload);
  }

  @EventPattern(paymentRevisedV1Subject, ACCOUNTING)
  async onRevised(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.orders.applyEvent(ctx, payload);
  }

  @EventPattern(paymentRevisionDeclinedV1Subject, ACCOUNTING)
  async onRevisionDeclined(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.orders.applyEvent(ctx, payload);
  }

  @EventPattern(paymentRevisionUndoneV1Subject, ACCOUNTING)
  async onRevisionUndone(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.orders.applyEvent(ctx, payload);
  }
}
