import { orderCreatedV1, orderCreatedV1Subject } from '@brigade/contracts/orders';
import { JetStreamContext, laneByField } from '@brigade/messaging';
import { Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { ValidateOrder } from '../../application/validate-order/validate-order.command';

/**
 * The orders events consumers react to, read by the durable `consumers--order-validation`.
 * The handler runs in the transaction that also writes the message's inbox row, so a redelivered
 * orders.order.created.v1 never changes anything twice (its transaction rolls back at the inbox,
 * and the decider itself decides nothing for an order it already judged). A payload that breaks
 * its contract throws a ContractViolation, which is no business answer: it is parked at once on
 * the dead-letter subject, where an operator sees it instead of an order silently left unjudged.
 * A verdict is an event of the Consumer: the consumer's lane keeps two of their orders (different
 * partitions of this durable) from writing that stream at once; they may share a transaction, the
 * second decided on the state the first left.
 */
@Controller()
export class OrderEventsConsumer {
  constructor(private readonly commands: CommandBus) {}

  @EventPattern(orderCreatedV1Subject, { handler: 'order-validation', lane: laneByField('consumer', 'consumerId', { oneTransaction: true }) })
  async onOrderCreated(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const order = orderCreatedV1.parse(payload);
    await this.commands.execute(new ValidateOrder(order.consumerId, order.orderId, ctx.causedBy(new Date().toISOString())));
  }
}
