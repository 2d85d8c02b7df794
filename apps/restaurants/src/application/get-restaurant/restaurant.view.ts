import type { Address, MenuItem } from '../../domain/restaurant.events';
import type { RestaurantState } from '../../domain/restaurant.state';
import { RestaurantNotFoundError } from '../../domain/restaurant.errors';

/** A restaurant as the HTTP API shows it; `version` is its stream version (for caching and concurrency). */
export interface RestaurantView {
  readonly restaurantId: string;
  readonly name: string;
  readonly address: Address;
  readonly menu: readonly MenuItem[];
  readonly open: boolean;
  readonly version: number;
}

/** Fields are picked one by one: the answer has a stable shape and field order, whatever the state holds. */
export function toRestaurantView(restaurantId: string, state: RestaurantState, version: number): RestaurantView {
  if (state.status === 'UNKNOWN') throw new RestaurantNotFoundError(restaurantId);
  const { street1, street2, city, zip } = state.address;
  return {
    restaurantId,
    name: state.name,
    address: street2 === undefined ? { street1, city, zip } : { street1, street2, city, zip },
    menu: state.menu.map(({ menuItemId, name, priceCents }) => ({ menuItemId, name, priceCents })),
    open: state.status === 'OPEN',
    version,
  };
}
