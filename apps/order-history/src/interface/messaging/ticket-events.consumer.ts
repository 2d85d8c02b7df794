import {
  ticketAcceptedV1,
  ticketAcceptedV1Subject,
  ticketCancelledV1,
  ticketCancelledV1Subject,
  ticketConfirmedV1,
  ticketConfirmedV1Subject,
  ticketCreatedV1,
  ticketCreatedV1Subject,
  ticketPreparingV1,
  ticketPreparingV1Subject,
  ticketReadyForPickupV1,
  ticketReadyForPickupV1Subject,
  ticketRejectedV1,
  ticketRejectedV1Subject,
} from '@brigade/contracts/kitchen';
import { JetStreamContext } from '@brigade/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { OrderView } from '../../projections/order-view/order-view';
import { positionOf } from '../../projections/stream-position';

/** Durable `order-history--kitchen`: the ticket's progress (a ticket's id is its order's id). */
const KITCHEN = { handler: 'kitchen' };

@Controller()
export class TicketEventsConsumer {
  constructor(private readonly orders: OrderView) {}

  @EventPattern(ticketCreatedV1Subject, KITCHEN)
  async onCreated(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { orderId, restaurantId } = ticketCreatedV1.parse(payload);
    await this.orders.ticketChanged({ orderId, restaurantId }, { state: 'CREATE_PENDING' }, positionOf(ctx));
  }

  @EventPattern(ticketRejectedV1Subject, KITCHEN)
  async onRejected(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { orderId, restaurantId, reason } = ticketRejectedV1.parse(payload);
    await this.orders.ticketChanged({ orderId, restaurantId }, { state: 'REJECTED', reason }, positionOf(ctx));
  }

  @EventPattern(ticketConfirmedV1Subject, KITCHEN)
  async onConfirmed(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { orderId, restaurantId } = ticketConfirmedV1.parse(payload);
    await this.orders.ticketChanged({ orderId, restaurantId }, { state: 'AWAITING_ACCEPTANCE' }, positionOf(ctx));
  }

  @EventPattern(ticketCancelledV1Subject, KITCHEN)
  async onCancelled(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { orderId, restaurantId, reason } = ticketCancelledV1.parse(payload);
    await this.orders.ticketChanged({ orderId, restaurantId }, { state: 'CANCELLED', reason }, positionOf(ctx));
  }

  @EventPattern(ticketAcceptedV1Subject, KITCHEN)
  async onAccepted(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { orderId, restaurantId, readyBy } = ticketAcceptedV1.parse(payload);
    await this.orders.ticketChanged({ orderId, restaurantId }, { state: 'ACCEPTED', readyBy }, positionOf(ctx));
  }

  @EventPattern(ticketPreparingV1Subject, KITCHEN)
  async onPreparing(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { orderId, restaurantId } = ticketPreparingV1.parse(payload);
    await this.orders.ticketChanged({ orderId, restaurantId }, { state: 'PREPARING' }, positionOf(ctx));
  }

  @EventPattern(ticketReadyForPickupV1Subject, KITCHEN)
  async onReadyForPickup(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { orderId, restaurantId } = ticketReadyForPickupV1.parse(payload);
    await this.orders.ticketChanged({ orderId, restaurantId }, { state: 'READY_FOR_PICKUP' }, positionOf(ctx));
  }
}
