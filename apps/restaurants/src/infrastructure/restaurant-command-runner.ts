import { CommandRunner, EventStore } from '@brigade/event-store';
import { Injectable } from '@nestjs/common';
import type { RestaurantCommand } from '../domain/restaurant.commands';
import { restaurantDecider } from '../domain/restaurant.decider';
import type { RestaurantEvent } from '../domain/restaurant.events';
import type { RestaurantState } from '../domain/restaurant.state';

/** Stream type stored with every restaurant event; a restaurant's stream id is its restaurantId. */
export const RESTAURANT_STREAM_TYPE = 'restaurant';

/**
 * Load -> decide -> append for the Restaurant aggregate, retried on concurrent changes.
 * A snapshot every 50 events keeps loading cheap for restaurants that revise their menu often.
 */
@Injectable()
export class RestaurantCommandRunner extends CommandRunner<RestaurantCommand, RestaurantEvent, RestaurantState> {
  constructor(store: EventStore) {
    super(store, restaurantDecider, { streamType: RESTAURANT_STREAM_TYPE, snapshot: { every: 50, schemaVersion: 1 } });
  }
}
