import type { EventMetadata } from '@brigade/event-store';
import { Command } from '@nestjs/cqrs';

/** The order was approved: the ticket awaits the restaurant's acceptance. */
export class ConfirmTicket extends Command<void> {
  constructor(
    readonly orderId: string,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
