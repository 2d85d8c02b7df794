import type { EventMetadata } from '@brigade/event-store';
import { Command } from '@nestjs/cqrs';
import type { Menu } from '../../domain/restaurant.events';
import type { RestaurantView } from '../get-restaurant/restaurant.view';

/** Replaces the whole menu; answers with the restaurant as it now is. */
export class ReviseMenu extends Command<RestaurantView> {
  constructor(
    readonly restaurantId: string,
    readonly menu: Menu,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
