import type { EventMetadata } from '@brigade/event-store';
import { Command } from '@nestjs/cqrs';
import type { RestaurantView } from '../get-restaurant/restaurant.view';

/** Stops taking new orders; answers with the restaurant as it now is. */
export class CloseRestaurant extends Command<RestaurantView> {
  constructor(
    readonly restaurantId: string,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
