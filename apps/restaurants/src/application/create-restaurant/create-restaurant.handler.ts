import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { RestaurantCommandRunner } from '../../infrastructure/restaurant-command-runner';
import { CreateRestaurant } from './create-restaurant.command';

@CommandHandler(CreateRestaurant)
export class CreateRestaurantHandler implements ICommandHandler<CreateRestaurant> {
  constructor(private readonly restaurants: RestaurantCommandRunner) {}

  async execute({ restaurant, metadata }: CreateRestaurant): Promise<{ restaurantId: string }> {
    await this.restaurants.run(restaurant.restaurantId, { type: 'CreateRestaurant', data: restaurant }, metadata, { newStream: true });
    return { restaurantId: restaurant.restaurantId };
  }
}
