import { orderApprovedV1Subject, orderCreatedV1Subject, orderRejectedV1Subject } from '@brigade/contracts/orders';
import { JetStreamContext } from '@brigade/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { OrderView } from '../../projections/order-view/order-view';

/** Durable `order-history--orders`: an order's details and its approval or rejection. */
const ORDERS = { handler: 'orders' };

/**
 * What each event means for the view is read in order-view-events.ts, the same reading a rebuild's
 * replay uses. Payloads are checked against their contract first: one that breaks it is not a
 * business answer, it is retried and then parked for an operator.
 */
@Controller()
export class OrderEventsConsumer {
  constructor(private readonly orders: OrderView) {}

  @EventPattern(orderCreatedV1Subject, ORDERS)
  async onCreated(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.orders.applyEvent(ctx, payload);
  }

  @EventPattern(orderApprovedV1Subject, ORDERS)
  async onApproved(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.orders.applyEvent(ctx, payload);
  }

  @EventPattern(orderRejectedV1Subject, ORDERS)
  async onRejected(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.orders.applyEvent(ctx, payload);
  }
}
