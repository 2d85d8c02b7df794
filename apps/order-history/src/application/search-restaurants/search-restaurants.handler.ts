import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { RestaurantDirectory, RestaurantSearchHit } from '../../projections/restaurant-directory/restaurant-directory';
import { prefixQuery } from '../full-text/prefix-query';
import { SearchRestaurants } from './search-restaurants.query';

@QueryHandler(SearchRestaurants)
export class SearchRestaurantsHandler implements IQueryHandler<SearchRestaurants> {
  constructor(private readonly restaurants: RestaurantDirectory) {}

  async execute({ q, limit }: SearchRestaurants): Promise<{ items: RestaurantSearchHit[] }> {
    const tsquery = prefixQuery(q);
    // The request DTO has refused a search without words already.
    if (tsquery === null) throw new Error('a search without words passed validation');
    return { items: await this.restaurants.search(tsquery, limit) };
  }
}
