import { Query } from '@nestjs/cqrs';
import type { TicketLifecycleState } from '../../domain/ticket.state';
import type { TicketView } from '../get-ticket/ticket.view';

export interface TicketPage {
  readonly items: readonly TicketView[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  readonly nextCursor: string | null;
}

/** One page of a restaurant's tickets, oldest first, optionally only those in one state; `cursor` as the client sent it (validated). */
export class ListRestaurantTickets extends Query<TicketPage> {
  constructor(
    readonly restaurantId: string,
    readonly page: { readonly state?: TicketLifecycleState; readonly cursor?: string; readonly limit: number },
  ) {
    super();
  }
}
