import type { EventMetadata } from '@brigade/event-store';
import { Command } from '@nestjs/cqrs';

/** The kitchen accepted the ticket, promising the food by `readyBy`: the delivery needs a courier. */
export class NoteTicketAccepted extends Command<void> {
  constructor(
    readonly ticket: { readonly orderId: string; readonly readyBy: string },
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
