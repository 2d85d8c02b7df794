import { deliveryPickedUpV1, deliveryPickedUpV1Subject } from '@brigade/contracts/delivery';
import { JetStreamContext } from '@brigade/messaging';
import { Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { MarkPickedUp } from '../../application/mark-picked-up/mark-picked-up.command';

/**
 * Durable `kitchen--ticket-pickup` on the delivery stream (one durable reads one stream, so not the
 * order events' group). Pickup comes after the ticket's ready-for-pickup, which delivery waits for.
 */
const PICKUP = { handler: 'ticket-pickup' };

@Controller()
export class DeliveryEventsConsumer {
  constructor(private readonly commands: CommandBus) {}

  @EventPattern(deliveryPickedUpV1Subject, PICKUP)
  async onPickedUp(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { orderId } = deliveryPickedUpV1.parse(payload);
    await this.commands.execute(new MarkPickedUp(orderId, ctx.causedBy(new Date().toISOString())));
  }
}
