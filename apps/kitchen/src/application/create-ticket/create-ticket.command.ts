import type { EventMetadata } from '@brigade/event-store';
import { Command } from '@nestjs/cqrs';
import type { TicketLineItem } from '../../domain/ticket.events';

/** An order was created: the kitchen gives its verdict (a ticket, or a rejection with a reason). */
export class CreateTicket extends Command<void> {
  constructor(
    readonly order: { readonly orderId: string; readonly restaurantId: string; readonly lineItems: readonly TicketLineItem[] },
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
