import { deliveryDeliveredV1, deliveryDeliveredV1Subject } from '@brigade/contracts/delivery';
import { JetStreamContext } from '@brigade/messaging';
import { Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { CapturePayment } from '../../application/capture-payment/capture-payment.command';

/**
 * Durable `accounting--payment-capture` on the DELIVERY stream: a delivered order's payment is
 * captured, and its hold given back to the consumer's credit. The event names no consumer, so it
 * takes no account lane: the rare capture that meets another payment of the same consumer is
 * refused for the concurrent write and runs again (optimistic concurrency on the Account stream).
 */
@Controller()
export class DeliveryEventsConsumer {
  constructor(private readonly commands: CommandBus) {}

  @EventPattern(deliveryDeliveredV1Subject, { handler: 'payment-capture' })
  async onDelivered(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { orderId } = deliveryDeliveredV1.parse(payload);
    await this.commands.execute(new CapturePayment(orderId, ctx.causedBy(new Date().toISOString())));
  }
}
