import {
  orderApprovedV1Subject,
  orderCancelledV1Subject,
  orderCancelRefusedV1Subject,
  orderCancelRequestedV1Subject,
  orderCreatedV1Subject,
  orderRejectedV1Subject,
  orderRevisedV1Subject,
  orderRevisionProposedV1Subject,
  orderRevisionRejectedV1Subject,
} from '@brigade/contracts/orders';
import { JetStreamContext } from '@brigade/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { OrderView } from '../../projections/order-view/order-view';

/** Durable `order-history--orders`: an order's details, its approval or rejection, and the cancellations and revisions asked for. */
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

  @EventPattern(orderCancelRequestedV1Subject, ORDERS)
  async onCancelRequested(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.orders.applyEvent(ctx, payload);
  }

  @EventPattern(orderCancelledV1Subject, ORDERS)
  async onCancelled(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.orders.applyEvent(ctx, payload);
  }

  @EventPattern(orderCancelRefusedV1Subject, ORDERS)
  async onCancelRefused(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.orders.applyEvent(ctx, payload);
  }

  @EventPattern(orderRevisionProposedV1Subject, ORDERS)
  async onRevisionProposed(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.orders.applyEvent(ctx, payload);
  }

  @EventPattern(orderRevisedV1Subject, ORDERS)
  async onRevised(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.orders.applyEvent(ctx, payload);
  }

  @EventPattern(orderRevisionRejectedV1Subject, ORDERS)
  async onRevisionRejected(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.orders.applyEvent(ctx, payload);
  }
}
