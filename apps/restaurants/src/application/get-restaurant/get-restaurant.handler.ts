import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { RestaurantCommandRunner } from '../../infrastructure/restaurant-command-runner';
import { GetRestaurant } from './get-restaurant.query';
import { RestaurantView, toRestaurantView } from './restaurant.view';

/**
 * Served from the aggregate's own stream (snapshot + tail): one short stream per restaurant,
 * so a separate read model would add lag without saving work. Unknown ids -> 404.
 */
@QueryHandler(GetRestaurant)
export class GetRestaurantHandler implements IQueryHandler<GetRestaurant> {
  constructor(private readonly restaurants: RestaurantCommandRunner) {}

  async execute({ restaurantId }: GetRestaurant): Promise<RestaurantView> {
    const { state, streamVersion } = await this.restaurants.load(restaurantId);
    return toRestaurantView(restaurantId, state, streamVersion);
  }
}
