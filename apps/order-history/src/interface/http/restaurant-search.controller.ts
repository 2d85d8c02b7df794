import { Access } from '@brigade/auth';
import { ApiCommandController } from '@brigade/service';
import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SearchRestaurants } from '../../application/search-restaurants/search-restaurants.query';
import type { RestaurantSearchHit } from '../../projections/restaurant-directory/restaurant-directory';
import { DEFAULT_PAGE_SIZE, RestaurantSearchQuery, RestaurantSearchResponse } from './order-history.dto';

/** Full-text search over restaurants (names and menu items), ranked; 400 for a missing or wordless q. Public: no token. */
@ApiTags('search')
@Access.public()
@ApiCommandController()
@Controller('search')
export class RestaurantSearchController {
  constructor(private readonly queries: QueryBus) {}

  @Get('restaurants')
  @ApiOperation({ summary: 'Restaurants whose name or menu items start with the keywords, best match first (a name match ranks above a menu-item match).' })
  @ApiOkResponse({ type: RestaurantSearchResponse })
  search(@Query() query: RestaurantSearchQuery): Promise<{ items: RestaurantSearchHit[] }> {
    const limit = query.limit === undefined ? DEFAULT_PAGE_SIZE : Number(query.limit);
    return this.queries.execute(new SearchRestaurants(query.q, limit));
  }
}
