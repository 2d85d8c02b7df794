import { Query } from '@nestjs/cqrs';
import type { TicketLifecycleState } from '../../domain/ticket.state';
import type { TicketView } from '../get-ticket/ticket.view';

/** A restaurant's tickets, optionally only those in one state. */
export class ListRestaurantTickets extends Query<TicketView[]> {
  constructor(
    readonly restaurantId: string,
    readonly state?: TicketLifecycleState,
  ) {
    super();
  }
}
