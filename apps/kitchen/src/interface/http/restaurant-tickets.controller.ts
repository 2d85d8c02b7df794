import { UuidParamPipe } from '@brigade/service';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { TicketView } from '../../application/get-ticket/ticket.view';
import { ListRestaurantTickets } from '../../application/list-restaurant-tickets/list-restaurant-tickets.query';
import { TicketResponse, TicketsQuery } from './ticket.dto';

/** A restaurant's tickets, oldest first: what the kitchen screen shows. */
@ApiTags('tickets')
@Controller('restaurants')
export class RestaurantTicketsController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':restaurantId/tickets')
  @ApiOperation({ summary: "A restaurant's tickets, oldest first, optionally only those in one state." })
  @ApiParam({ name: 'restaurantId', format: 'uuid' })
  @ApiOkResponse({ type: [TicketResponse] })
  @ApiBadRequestResponse({ description: 'A restaurantId that is not a UUID, or an unknown state (application/problem+json)' })
  list(@Param('restaurantId', UuidParamPipe) restaurantId: string, @Query() query: TicketsQuery): Promise<TicketView[]> {
    return this.queries.execute(new ListRestaurantTickets(restaurantId, query.state));
  }
}
