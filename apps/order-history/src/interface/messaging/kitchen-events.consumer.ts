import {
  ticketAcceptedV1Subject,
  ticketCancelledV1Subject,
  ticketCancelRefusedV1Subject,
  ticketConfirmedV1Subject,
  ticketCreatedV1Subject,
  ticketPickedUpV1Subject,
  ticketPreparingV1Subject,
  ticketReadyForPickupV1Subject,
  ticketRejectedV1Subject,
  ticketRevisedV1Subject,
  ticketRevisionRefusedV1Subject,
  ticketRevisionUndoneV1Subject,
} from '@brigade/contracts/kitchen';
import { JetStreamContext } from '@brigade/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { OrderView } from '../../projections/order-view/order-view';

/** Durable `order-history--kitchen`: the ticket's progress (a ticket's id is its order's id) and its answers to changes (timeline). */
const KITCHEN = { handler: 'kitchen' };

@Controller()
export class KitchenEventsConsumer {
  constructor(private readonly orders: OrderView) {}

  @EventPattern(ticketCreatedV1Subject, KITCHEN)
  async onCreated(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.orders.applyEvent(ctx, payload);
  }

  @EventPattern(ticketRejectedV1Subject, KITCHEN)
  async onRejected(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.orders.applyEvent(ctx, payload);
  }

  @EventPattern(ticketConfirmedV1Subject, KITCHEN)
  async onConfirmed(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.orders.applyEvent(ctx, payload);
  }

  @EventPattern(ticketCancelledV1Subject, KITCHEN)
  async onCancelled(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.orders.applyEvent(ctx, payload);
  }

  @EventPattern(ticketAcceptedV1Subject, KITCHEN)
  async onAccepted(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.orders.applyEvent(ctx, payload);
  }

  @EventPattern(ticketPreparingV1Subject, KITCHEN)
  async onPreparing(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.orders.applyEvent(ctx, payload);
  }

  @EventPattern(ticketReadyForPickupV1Subject, KITCHEN)
  async onReadyForPickup(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.orders.applyEvent(ctx, payload);
  }

  @EventPattern(ticketPickedUpV1Subject, KITCHEN)
  async onPickedUp(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.orders.applyEvent(ctx, payload);
  }

  @EventPattern(ticketCancelRefusedV1Subject, KITCHEN)
  async onCancelRefused(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.orders.applyEvent(ctx, payload);
  }

  @EventPattern(ticketRevisedV1Subject, KITCHEN)
  async onRevised(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.orders.applyEvent(ctx, payload);
  }

  @EventPattern(ticketRevisionRefusedV1Subject, KITCHEN)
  async onRevisionRefused(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.orders.applyEvent(ctx, payload);
  }

  @EventPattern(ticketRevisionUndoneV1Subject, KITCHEN)
  async onRevisionUndone(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.orders.applyEvent(ctx, payload);
  }
}
