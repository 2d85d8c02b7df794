import { ticketAcceptedV1, ticketAcceptedV1Subject, ticketReadyForPickupV1, ticketReadyForPickupV1Subject } from '@brigade/contracts/kitchen';
import { JetStreamContext, laneByField } from '@brigade/messaging';
import { Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { NoteTicketAccepted } from '../../application/note-ticket-accepted/note-ticket-accepted.command';
import { NoteTicketReady } from '../../application/note-ticket-ready/note-ticket-ready.command';

/**
 * One durable (`delivery--kitchen-progress`) for the ticket's news, so that a ticket's accepted
 * and ready-for-pickup arrive in order; the delivery's lane, shared with the order events, keeps
 * them from colliding with those on the same Delivery. Either may overtake the order's approval
 * (another durable): the Delivery notes it before it exists.
 */
const PROGRESS = { handler: 'kitchen-progress', lane: laneByField('delivery', 'orderId') };

@Controller()
export class KitchenEventsConsumer {
  constructor(private readonly commands: CommandBus) {}

  @EventPattern(ticketAcceptedV1Subject, PROGRESS)
  async onAccepted(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    const { orderId, readyBy } = ticketAcceptedV1.parse(payload);
    await this.commands.execute(new NoteTicketAccepted({ orderId, readyBy }, causedBy(ctx)));
  }

  @EventPattern(ticketReadyForPickupV1Subject, PROGRESS)
  async onReadyForPickup(@Payload() payload: unknown, @Ctx() ctx: JetStreamContext): Promise<void> {
    await this.commands.execute(new NoteTicketReady(ticketReadyForPickupV1.parse(payload).orderId, causedBy(ctx)));
  }
}

function causedBy(ctx: JetStreamContext) {
  return ctx.causedBy(new Date().toISOString());
}
