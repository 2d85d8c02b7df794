import type { Actor } from '@brigade/event-store';
import { Query } from '@nestjs/cqrs';
import type { TicketView } from './ticket.view';

/** An order's ticket, as `actor` (the verified caller) may see it: staff their own restaurant's only. */
export class GetTicket extends Query<TicketView> {
  constructor(
    readonly orderId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
