import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TicketViewProjection } from '../../projections/ticket-view/ticket-view';
import type { TicketView } from '../get-ticket/ticket.view';
import { ListRestaurantTickets } from './list-restaurant-tickets.query';

/** Served from the ticket view, which is written with every append (no lag). Unknown restaurant: an empty list. */
@QueryHandler(ListRestaurantTickets)
export class ListRestaurantTicketsHandler implements IQueryHandler<ListRestaurantTickets> {
  constructor(private readonly tickets: TicketViewProjection) {}

  execute({ restaurantId, state }: ListRestaurantTickets): Promise<TicketView[]> {
    return this.tickets.ofRestaurant(restaurantId, state);
  }
}
