import {
  paymentAuthorizedV1,
  paymentAuthorizedV1Subject,
  paymentDeclinedV1,
  paymentDeclinedV1Subject,
  paymentVoidedV1,
  paymentVoidedV1Subject,
} from '@brigade/contracts/accounting';
import { JetStreamContext } from '@brigade/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { OrderView } from '../../projections/order-view/order-view';
import { positionOf } from '../../projections/stream-position';

/**
 * Durable `order-history--accounting`: the payment of each order. Payments live on the consumer's
 * account stream, so the order is found by the payload's orderId, and the stream version compared
 * is the account's (it grows along the account, hence along each of its orders' payments too).
 */
const ACCOUNTING = { handler: 'accounting' };

@Controller()
export class PaymentEventsConsumer {
  constructor(private readonly orders: OrderView) {}

  @EventPattern(paymentAuthorizedV1Subject, ACCOUNTING)
  async onAuthorized(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { orderId, consumerId, amountCents } = paymentAuthorizedV1.parse(payload);
    await this.orders.paymentChanged({ orderId, consumerId }, { state: 'AUTHORIZED', amountCents }, positionOf(ctx));
  }

  @EventPattern(paymentDeclinedV1Subject, ACCOUNTING)
  async onDeclined(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { orderId, consumerId, amountCents, reason } = paymentDeclinedV1.parse(payload);
    await this.orders.paymentChanged({ orderId, consumerId }, { state: 'DECLINED', amountCents, reason }, positionOf(ctx));
  }

  @EventPattern(paymentVoidedV1Subject, ACCOUNTING)
  async onVoided(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { orderId, consumerId, amountCents } = paymentVoidedV1.parse(payload);
    await this.orders.paymentChanged({ orderId, consumerId }, { state: 'VOIDED', amountCents }, positionOf(ctx));
  }
}
