import {
  paymentAuthorizedV1Subject,
  paymentDeclinedV1Subject,
  paymentVoidedV1Subject,
} from '@brigade/contracts/accounting';
import { JetStreamContext } from '@brigade/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { OrderView } from '../../projections/order-view/order-view';

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
}
