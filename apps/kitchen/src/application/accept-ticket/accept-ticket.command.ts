import type { EventMetadata } from '@brigade/event-store';
import { Command } from '@nestjs/cqrs';
import type { TicketView } from '../get-ticket/ticket.view';

/** The restaurant accepts the ticket, promising it ready by `readyBy` (after the command's time). */
export class AcceptTicket extends Command<TicketView> {
  constructor(
    readonly orderId: string,
    readonly readyBy: string,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
