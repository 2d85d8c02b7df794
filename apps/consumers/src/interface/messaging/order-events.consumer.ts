import { orderCreatedV1, orderCreatedV1Subject } from '@brigade/contracts/orders';
import { JetStreamContext } from '@brigade/messaging';
import { Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { ValidateOrder } from '../../application/validate-order/validate-order.command';

/**
 * The orders events consumers react to, read by the durable `consumers--order-validation`.
 * The handler runs in the transaction that also writes the message's inbox row, so a redelivered
 * orders.order.created.v1 never changes anything twice (its transaction rolls back at the inbox,
 * and the order's validation decides nothing once judged). A payload that breaks its contract
 * throws a ContractViolation, which is no business answer: it is parked at once on the
 * dead-letter subject, where an operator sees it instead of an order silently left unjudged.
 * A verdict writes only its order's validation stream (it reads the consumer's), and only that
 * order's messages (one partition) write it: no lane is needed, so orders of one consumer are
 * judged in parallel.
 */
@Controller()
export class OrderEventsConsumer {
  constructor(private readonly commands: CommandBus) {}

  @EventPattern(orderCreatedV1Subject, { handler: 'order-validation' })
  async onOrderCreated(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const order = orderCreatedV1.parse(payload);
    await this.commands.execute(new ValidateOrder(order.consumerId, order.orderId, ctx.causedBy(new Date().toISOString())));
  }
}
