import { Query } from '@nestjs/cqrs';
import type { RestaurantSearchHit } from '../../projections/restaurant-directory/restaurant-directory';

/** Restaurants whose name or menu items match `q` (prefixes), best first. */
export class SearchRestaurants extends Query<{ items: RestaurantSearchHit[] }> {
  constructor(
    readonly q: string,
    readonly limit: number,
  ) {
    super();
  }
}
