import {
  AddressV1,
  MenuItemV1,
  restaurantClosedV1Subject,
  RestaurantCreatedV1,
  restaurantCreatedV1Subject,
  RestaurantMenuRevisedV1,
  restaurantMenuRevisedV1Subject,
  RestaurantOpenedV1,
  restaurantOpenedV1Subject,
  RestaurantClosedV1,
} from '@brigade/contracts/restaurants';
import { assertNever } from '@brigade/domain';
import type { StoredEvent } from '@brigade/event-store';
import type { Address, Menu, RestaurantEvent } from '../domain/restaurant.events';

/** The contract an internal event is published as (subject without namespace prefix, JSON body). */
export interface RestaurantEventMapping {
  readonly subject: string;
  readonly payload: RestaurantCreatedV1 | RestaurantMenuRevisedV1 | RestaurantOpenedV1 | RestaurantClosedV1;
}

/**
 * Internal event -> integration contract, field by field: whatever the domain adds to its own
 * events stays inside this service until someone decides to put it in a contract. Pure, so the
 * relay can map an event again after a failure.
 */
export function mapRestaurantEvent(stored: StoredEvent): RestaurantEventMapping {
  const event = { type: stored.type, data: stored.data } as RestaurantEvent;
  // The stream version goes in the payload too (the relay also puts it in Brigade-Stream-Version):
  // replicas apply an event only when both agree.
  const version = stored.streamVersion;
  switch (event.type) {
    case 'RestaurantCreated': {
      const { restaurantId, name, address, menu } = event.data;
      const payload: RestaurantCreatedV1 = { restaurantId, name, address: toAddressV1(address), menu: toMenuV1(menu), open: false, version };
      return { subject: restaurantCreatedV1Subject, payload };
    }
    case 'RestaurantMenuRevised': {
      const payload: RestaurantMenuRevisedV1 = { restaurantId: event.data.restaurantId, menu: toMenuV1(event.data.menu), version };
      return { subject: restaurantMenuRevisedV1Subject, payload };
    }
    case 'RestaurantOpened': {
      const payload: RestaurantOpenedV1 = { restaurantId: event.data.restaurantId, version };
      return { subject: restaurantOpenedV1Subject, payload };
    }
    case 'RestaurantClosed': {
      const payload: RestaurantClosedV1 = { restaurantId: event.data.restaurantId, version };
      return { subject: restaurantClosedV1Subject, payload };
    }
    default:
      return assertNever(event);
  }
}

function toAddressV1(address: Address): AddressV1 {
  const { street1, street2, city, zip } = address;
  return street2 === undefined ? { street1, city, zip } : { street1, street2, city, zip };
}

function toMenuV1(menu: Menu): MenuItemV1[] {
  return menu.map(({ menuItemId, name, priceCents }) => ({ menuItemId, name, priceCents }));
}
