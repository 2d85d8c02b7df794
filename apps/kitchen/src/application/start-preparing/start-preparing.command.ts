import type { EventMetadata } from '@brigade/event-store';
import { Command } from '@nestjs/cqrs';
import type { TicketView } from '../get-ticket/ticket.view';

/** The kitchen starts cooking an accepted ticket. */
export class StartPreparing extends Command<TicketView> {
  constructor(
    readonly orderId: string,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
