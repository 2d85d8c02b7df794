import type { EventMetadata } from '@brigade/event-store';
import { Command } from '@nestjs/cqrs';
import type { Address, Menu } from '../../domain/restaurant.events';

export interface NewRestaurant {
  /** Chosen by the caller (the HTTP layer generates it), so the domain stays deterministic. */
  readonly restaurantId: string;
  readonly name: string;
  readonly address: Address;
  readonly menu: Menu;
}

export class CreateRestaurant extends Command<{ restaurantId: string }> {
  constructor(
    readonly restaurant: NewRestaurant,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
