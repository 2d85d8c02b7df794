import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { RestaurantCommandRunner } from '../../infrastructure/restaurant-command-runner';
import { RestaurantView, toRestaurantView } from '../get-restaurant/restaurant.view';
import { ReviseMenu } from './revise-menu.command';

@CommandHandler(ReviseMenu)
export class ReviseMenuHandler implements ICommandHandler<ReviseMenu> {
  constructor(private readonly restaurants: RestaurantCommandRunner) {}

  async execute({ restaurantId, menu, metadata }: ReviseMenu): Promise<RestaurantView> {
    const { state, streamVersion } = await this.restaurants.run(restaurantId, { type: 'ReviseMenu', data: { restaurantId, menu } }, metadata);
    return toRestaurantView(restaurantId, state, streamVersion);
  }
}
