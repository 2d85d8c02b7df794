import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { RestaurantCommandRunner } from '../../infrastructure/restaurant-command-runner';
import { RestaurantView, toRestaurantView } from '../get-restaurant/restaurant.view';
import { OpenRestaurant } from './open-restaurant.command';

@CommandHandler(OpenRestaurant)
export class OpenRestaurantHandler implements ICommandHandler<OpenRestaurant> {
  constructor(private readonly restaurants: RestaurantCommandRunner) {}

  async execute({ restaurantId, metadata }: OpenRestaurant): Promise<RestaurantView> {
    const { state, streamVersion } = await this.restaurants.run(restaurantId, { type: 'OpenRestaurant', data: { restaurantId } }, metadata);
    return toRestaurantView(restaurantId, state, streamVersion);
  }
}
