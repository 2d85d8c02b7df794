import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TicketViewProjection } from '../../projections/ticket-view/ticket-view';
import { ListRestaurantTickets, TicketPage } from './list-restaurant-tickets.query';
import { decodeTicketCursor, encodeTicketCursor } from './ticket-cursor';

/**
 * Served from the ticket view, which is written with every append (no lag). Keyset pagination:
 * one more ticket than the page holds is read, to know whether a next page exists; the cursor is
 * the last shown ticket's key, so tickets created meanwhile never shift pages. Unknown restaurant:
 * an empty page.
 */
@QueryHandler(ListRestaurantTickets)
export class ListRestaurantTicketsHandler implements IQueryHandler<ListRestaurantTickets> {
  constructor(private readonly tickets: TicketViewProjection) {}

  async execute({ restaurantId, page }: ListRestaurantTickets): Promise<TicketPage> {
    const after = page.cursor === undefined ? undefined : decodeTicketCursor(page.cursor);
    // The request DTO has refused it already; a miss here is a bug, not a client error.
    if (after === null) throw new Error('an invalid cursor passed validation');
    const entries = await this.tickets.ofRestaurant(restaurantId, { state: page.state, after, limit: page.limit + 1 });
    const shown = entries.slice(0, page.limit);
    const more = entries.length > page.limit;
    return { items: shown.map((entry) => entry.ticket), nextCursor: more ? encodeTicketCursor(shown[shown.length - 1].key) : null };
  }
}
