import {
  orderCreatedV1,
  OrderCreatedV1,
  orderCreatedV1Subject,
  orderRejectedV1,
  OrderRejectedV1,
  orderRejectedV1Subject,
} from '@brigade/contracts/orders';
import { JetStreamContext, laneByField } from '@brigade/messaging';
import { Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { AuthorizePayment } from '../../application/authorize-payment/authorize-payment.command';
import { VoidPayment } from '../../application/void-payment/void-payment.command';

/**
 * Durable `accounting--payment-authorization` on the ORDERS stream. Both subjects share one
 * durable so that, per order (the Brigade-Aggregate-Id), `created` is always handled before
 * `rejected`: a void can never overtake the authorisation it undoes. Orders of one consumer all
 * write that consumer's Account: the account's lane keeps two of them (different orders, so
 * different partitions) from running at once, where the second would be refused for a
 * concurrent write (and a batch holding it would fall back to one transaction per message).
 * They may share a transaction: the account's commands decide the second on the state the
 * first left.
 */
const PAYMENT_AUTHORIZATION = { handler: 'payment-authorization', lane: laneByField('account', 'consumerId', { oneTransaction: true }) };

@Controller()
export class PaymentAuthorizationConsumer {
  constructor(private readonly commands: CommandBus) {}

  @EventPattern(orderCreatedV1Subject, PAYMENT_AUTHORIZATION)
  async onOrderCreated(@Payload() payload: OrderCreatedV1, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { orderId, consumerId, orderTotalCents } = orderCreatedV1.parse(payload);
    const payment = { consumerId, orderId, amountCents: orderTotalCents };
    await this.commands.execute(new AuthorizePayment(payment, ctx.causedBy(new Date().toISOString())));
  }

  @EventPattern(orderRejectedV1Subject, PAYMENT_AUTHORIZATION)
  async onOrderRejected(@Payload() payload: OrderRejectedV1, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { orderId, consumerId } = orderRejectedV1.parse(payload);
    await this.commands.execute(new VoidPayment({ consumerId, orderId }, ctx.causedBy(new Date().toISOString())));
  }
}
