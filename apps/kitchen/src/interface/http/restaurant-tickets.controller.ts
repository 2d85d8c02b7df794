import { Access, param } from '@brigade/auth';
import { UuidParamPipe } from '@brigade/service';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ListRestaurantTickets, TicketPage } from '../../application/list-restaurant-tickets/list-restaurant-tickets.query';
import { DEFAULT_PAGE_SIZE, TicketPageResponse, TicketsQuery } from './ticket.dto';

/** A restaurant's tickets, oldest first, a page at a time: what the kitchen screen shows. Its own staff, or an admin. */
@ApiTags('tickets')
@Controller('restaurants')
export class RestaurantTicketsController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':restaurantId/tickets')
  @Access.owner({ restaurant: param('restaurantId') })
  @ApiOperation({
    summary: "A restaurant's tickets, oldest first, optionally only those in one state; one page per call (follow nextCursor).",
    description: "For the restaurant's own staff (a restaurant token bound to :restaurantId) and admins; anyone else gets 403 AUTH.FORBIDDEN.",
  })
  @ApiParam({ name: 'restaurantId', format: 'uuid' })
  @ApiOkResponse({ type: TicketPageResponse })
  @ApiBadRequestResponse({ description: 'A restaurantId that is not a UUID, an unknown state, a limit outside 1..100 or a cursor this service did not hand out (application/problem+json)' })
  list(@Param('restaurantId', UuidParamPipe) restaurantId: string, @Query() query: TicketsQuery): Promise<TicketPage> {
    const limit = query.limit === undefined ? DEFAULT_PAGE_SIZE : Number(query.limit);
    return this.queries.execute(new ListRestaurantTickets(restaurantId, { state: query.state, cursor: query.cursor, limit }));
  }
}
