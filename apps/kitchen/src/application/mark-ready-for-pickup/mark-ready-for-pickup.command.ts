import type { EventMetadata } from '@brigade/event-store';
import { Command } from '@nestjs/cqrs';
import type { TicketView } from '../get-ticket/ticket.view';

/** The food is cooked and waits for the courier. */
export class MarkReadyForPickup extends Command<TicketView> {
  constructor(
    readonly orderId: string,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
