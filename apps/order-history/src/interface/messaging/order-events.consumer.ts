import {
  orderApprovedV1,
  orderApprovedV1Subject,
  orderCreatedV1,
  orderCreatedV1Subject,
  orderRejectedV1,
  orderRejectedV1Subject,
} from '@brigade/contracts/orders';
import { JetStreamContext } from '@brigade/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { OrderView } from '../../projections/order-view/order-view';
import { positionOf } from '../../projections/stream-position';

/** Durable `order-history--orders`: an order's details and its approval or rejection. */
const ORDERS = { handler: 'orders' };

/**
 * Payloads are checked against their contract first: one that breaks it is not a business
 * answer, it is retried and then parked for an operator.
 */
@Controller()
export class OrderEventsConsumer {
  constructor(private readonly orders: OrderView) {}

  @EventPattern(orderCreatedV1Subject, ORDERS)
  async onCreated(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.orders.placed(orderCreatedV1.parse(payload), positionOf(ctx));
  }

  @EventPattern(orderApprovedV1Subject, ORDERS)
  async onApproved(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { orderId, consumerId, restaurantId } = orderApprovedV1.parse(payload);
    await this.orders.decided({ orderId, consumerId, restaurantId }, 'APPROVED', null, positionOf(ctx));
  }

  @EventPattern(orderRejectedV1Subject, ORDERS)
  async onRejected(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { orderId, consumerId, restaurantId, rejectionReason } = orderRejectedV1.parse(payload);
    await this.orders.decided({ orderId, consumerId, restaurantId }, 'REJECTED', rejectionReason, positionOf(ctx));
  }
}
