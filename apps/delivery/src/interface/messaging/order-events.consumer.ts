import {
  orderApprovedV1,
  orderApprovedV1Subject,
  orderCancelledV1,
  orderCancelledV1Subject,
  orderCreatedV1,
  orderCreatedV1Subject,
  orderRejectedV1,
  orderRejectedV1Subject,
} from '@brigade/contracts/orders';
import { JetStreamContext, laneByField } from '@brigade/messaging';
import { Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { CancelDelivery } from '../../application/cancel-delivery/cancel-delivery.command';
import { CreateDelivery } from '../../application/create-delivery/create-delivery.command';
import { NoteOrder } from '../../application/note-order/note-order.command';
import { WithdrawOrder } from '../../application/withdraw-order/withdraw-order.command';

/**
 * One durable (`delivery--order-lifecycle`) for every order event, so that an order's created ->
 * approved/rejected -> cancelled reach its delivery in the order orders published them. The
 * kitchen's events about the same order arrive on another durable and write the same Delivery:
 * the delivery's lane keeps the two from running at once (they would collide and run again).
 */
const LIFECYCLE = { handler: 'order-lifecycle', lane: laneByField('delivery', 'orderId') };

@Controller()
export class OrderEventsConsumer {
  constructor(private readonly commands: CommandBus) {}

  @EventPattern(orderCreatedV1Subject, LIFECYCLE)
  async onCreated(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { orderId, consumerId, restaurantId, deliveryAddress } = orderCreatedV1.parse(payload);
    await this.commands.execute(new NoteOrder({ orderId, consumerId, restaurantId, deliveryAddress }, causedBy(ctx)));
  }

  @EventPattern(orderApprovedV1Subject, LIFECYCLE)
  async onApproved(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { orderId, restaurantId } = orderApprovedV1.parse(payload);
    await this.commands.execute(new CreateDelivery({ orderId, restaurantId }, causedBy(ctx)));
  }

  @EventPattern(orderRejectedV1Subject, LIFECYCLE)
  async onRejected(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.commands.execute(new WithdrawOrder(orderRejectedV1.parse(payload).orderId, causedBy(ctx)));
  }

  @EventPattern(orderCancelledV1Subject, LIFECYCLE)
  async onCancelled(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.commands.execute(new CancelDelivery(orderCancelledV1.parse(payload).orderId, causedBy(ctx)));
  }
}

function causedBy(ctx: JetStreamContext) {
  return ctx.causedBy(new Date().toISOString());
}
