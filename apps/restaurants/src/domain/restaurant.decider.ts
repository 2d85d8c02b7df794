import { assertNever, Decider } from '@brigade/domain';
import type { RestaurantCommand } from './restaurant.commands';
import {
  RestaurantAlreadyClosedError,
  RestaurantAlreadyExistsError,
  RestaurantAlreadyOpenError,
  RestaurantNotFoundError,
} from './restaurant.errors';
import type { RestaurantEvent } from './restaurant.events';
import { checkAddress, checkMenu, checkName, sameMenu } from './restaurant.rules';
import type { ExistingRestaurant, RestaurantState } from './restaurant.state';

/**
 * The Restaurant aggregate. Created CLOSED; opening and closing are explicit and refused when
 * they would change nothing (409), while revising the menu to the one it already has is an
 * idempotent no-op (PUT semantics).
 */
export const restaurantDecider: Decider<RestaurantCommand, RestaurantEvent, RestaurantState> = {
  initialState: () => ({ status: 'UNKNOWN' }),

  decide(command, state) {
    switch (command.type) {
      case 'CreateRestaurant': {
        const { restaurantId, name, address, menu } = command.data;
        if (state.status !== 'UNKNOWN') throw new RestaurantAlreadyExistsError(restaurantId);
        checkName(name);
        checkAddress(address);
        checkMenu(menu);
        return [{ type: 'RestaurantCreated', data: { restaurantId, name, address, menu } }];
      }
      case 'ReviseMenu': {
        const { restaurantId, menu } = command.data;
        const restaurant = existing(state, restaurantId);
        checkMenu(menu);
        if (sameMenu(restaurant.menu, menu)) return [];
        return [{ type: 'RestaurantMenuRevised', data: { restaurantId, menu } }];
      }
      case 'OpenRestaurant': {
        const { restaurantId } = command.data;
        if (existing(state, restaurantId).status === 'OPEN') throw new RestaurantAlreadyOpenError(restaurantId);
        return [{ type: 'RestaurantOpened', data: { restaurantId } }];
      }
      case 'CloseRestaurant': {
        const { restaurantId } = command.data;
        if (existing(state, restaurantId).status === 'CLOSED') throw new RestaurantAlreadyClosedError(restaurantId);
        return [{ type: 'RestaurantClosed', data: { restaurantId } }];
      }
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'RestaurantCreated':
        return { status: 'CLOSED', ...event.data };
      case 'RestaurantMenuRevised':
        return { ...afterCreation(state, event.type), menu: event.data.menu };
      case 'RestaurantOpened':
        return { ...afterCreation(state, event.type), status: 'OPEN' };
      case 'RestaurantClosed':
        return { ...afterCreation(state, event.type), status: 'CLOSED' };
      default:
        return assertNever(event);
    }
  },
};

function existing(state: RestaurantState, restaurantId: string): ExistingRestaurant {
  if (state.status === 'UNKNOWN') throw new RestaurantNotFoundError(restaurantId);
  return state;
}

/** A stream whose first event is not RestaurantCreated is corrupt: a bug to surface, not a business answer. */
function afterCreation(state: RestaurantState, eventType: string): ExistingRestaurant {
  if (state.status === 'UNKNOWN') throw new Error(`${eventType} in a stream without RestaurantCreated`);
  return state;
}
