import type { EventMetadata } from '@brigade/event-store';
import { Command } from '@nestjs/cqrs';
import type { TicketLineItem } from '../../domain/ticket.events';

/** The order proposes new lines (its revision `revision`): the ticket takes them until the order decides, or the kitchen refuses. */
export class ReviseTicket extends Command<void> {
  constructor(
    readonly proposal: {
      readonly orderId: string;
      readonly restaurantId: string;
      readonly revision: number;
      readonly lineItems: readonly TicketLineItem[];
    },
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
