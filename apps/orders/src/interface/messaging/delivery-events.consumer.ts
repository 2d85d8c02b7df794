import { deliveryDeliveredV1, deliveryDeliveredV1Subject, deliveryPickedUpV1, deliveryPickedUpV1Subject } from '@brigade/contracts/delivery';
import { JetStreamContext } from '@brigade/messaging';
import { Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { MirrorFulfilment } from '../../application/mirror-fulfilment/mirror-fulfilment.command';
import { causedBy, ORDER_LANE } from './order-messages';

const DELIVERY_PROGRESS = { handler: 'delivery-progress', lane: ORDER_LANE };

/**
 * The courier's progress, which the Order mirrors (PICKED_UP, DELIVERED), possibly ahead of the
 * kitchen's on its own durable. A message naming another restaurant than the order's is parked.
 */
@Controller()
export class DeliveryEventsConsumer {
  constructor(private readonly commands: CommandBus) {}

  @EventPattern(deliveryPickedUpV1Subject, DELIVERY_PROGRESS)
  async onPickedUp(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { orderId, restaurantId } = deliveryPickedUpV1.parse(payload);
    await this.commands.execute(new MirrorFulfilment(orderId, 'MarkPickedUp', { restaurantId }, causedBy(ctx)));
  }

  @EventPattern(deliveryDeliveredV1Subject, DELIVERY_PROGRESS)
  async onDelivered(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { orderId, restaurantId } = deliveryDeliveredV1.parse(payload);
    await this.commands.execute(new MirrorFulfilment(orderId, 'MarkDelivered', { restaurantId }, causedBy(ctx)));
  }
}
