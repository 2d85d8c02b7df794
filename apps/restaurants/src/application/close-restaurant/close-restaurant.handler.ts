import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { RestaurantCommandRunner } from '../../infrastructure/restaurant-command-runner';
import { RestaurantView, toRestaurantView } from '../get-restaurant/restaurant.view';
import { CloseRestaurant } from './close-restaurant.command';

@CommandHandler(CloseRestaurant)
export class CloseRestaurantHandler implements ICommandHandler<CloseRestaurant> {
  constructor(private readonly restaurants: RestaurantCommandRunner) {}

  async execute({ restaurantId, metadata }: CloseRestaurant): Promise<RestaurantView> {
    const { state, streamVersion } = await this.restaurants.run(restaurantId, { type: 'CloseRestaurant', data: { restaurantId } }, metadata);
    return toRestaurantView(restaurantId, state, streamVersion);
  }
}
