import type { EventMetadata } from '@brigade/event-store';
import { Command } from '@nestjs/cqrs';
import type { RestaurantView } from '../get-restaurant/restaurant.view';

/** Starts taking orders; answers with the restaurant as it now is. */
export class OpenRestaurant extends Command<RestaurantView> {
  constructor(
    readonly restaurantId: string,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
