import { Query } from '@nestjs/cqrs';
import type { RestaurantView } from './restaurant.view';

export class GetRestaurant extends Query<RestaurantView> {
  constructor(readonly restaurantId: string) {
    super();
  }
}
