import { DomainError } from '@brigade/domain';

export const RESTAURANT_NOT_FOUND = 'ORDERS.RESTAURANT.NOT_FOUND';

/** The replica has never heard of the restaurant (unknown id, or restaurants' event not here yet). */
export class RestaurantNotKnownError extends DomainError {
  constructor(restaurantId: string) {
    super(RESTAURANT_NOT_FOUND, 'not-found', `Restaurant ${restaurantId} is not known to orders`, { restaurantId });
  }
}
