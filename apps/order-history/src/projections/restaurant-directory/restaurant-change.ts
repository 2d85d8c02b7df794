import { MenuItemV1, restaurantClosedV1, restaurantCreatedV1, restaurantMenuRevisedV1, restaurantOpenedV1 } from '@brigade/contracts/restaurants';
import { agreedStreamVersion } from '@brigade/messaging';
import type { ProjectionEvents } from '../projection-feed';
import { EventPosition, newest, Versioned } from '../stream-position';

/** What one event (or, folded, a batch) says about a restaurant's parts, each with its event's version. Pure. */
export interface RestaurantChange {
  readonly restaurantId: string;
  readonly name?: Versioned<string>;
  readonly menu?: Versioned<readonly MenuItemV1[]>;
  readonly open?: Versioned<boolean>;
}

const menuOf = (menu: readonly MenuItemV1[]): MenuItemV1[] => menu.map(({ menuItemId, name, priceCents }) => ({ menuItemId, name, priceCents }));
/**
 * The event's version, which its header and its payload must agree on: one that does not throws a
 * StreamVersionMismatchError (unretryable), so the live consumer parks it and a rebuild skips it,
 * and a header alone never moves a part's version guard.
 */
const versionOf = ({ eventId, subject, version }: EventPosition, payloadVersion: number): number =>
  agreedStreamVersion({ eventId, subject, streamVersion: version }, payloadVersion);
const at = <T>(version: number, value: T): Versioned<T> => ({ version, value });

export const RESTAURANT_EVENTS: ProjectionEvents<RestaurantChange> = {
  [restaurantCreatedV1.subject]: (payload, position) => {
    const { restaurantId, name, menu, open, version } = restaurantCreatedV1.parse(payload);
    const v = versionOf(position, version);
    return { restaurantId, name: at(v, name), menu: at(v, menuOf(menu)), open: at(v, open) };
  },
  [restaurantMenuRevisedV1.subject]: (payload, position) => {
    const { restaurantId, menu, version } = restaurantMenuRevisedV1.parse(payload);
    return { restaurantId, menu: at(versionOf(position, version), menuOf(menu)) };
  },
  [restaurantOpenedV1.subject]: (payload, position) => {
    const { restaurantId, version } = restaurantOpenedV1.parse(payload);
    return { restaurantId, open: at(versionOf(position, version), true) };
  },
  [restaurantClosedV1.subject]: (payload, position) => {
    const { restaurantId, version } = restaurantClosedV1.parse(payload);
    return { restaurantId, open: at(versionOf(position, version), false) };
  },
};

/** One change per restaurant, sorted by id: per part, the one its version guard keeps. */
export function foldRestaurantChanges(changes: readonly RestaurantChange[]): RestaurantChange[] {
  const rows = new Map<string, RestaurantChange>();
  for (const change of changes) {
    const restaurantId = change.restaurantId.toLowerCase();
    const row = rows.get(restaurantId);
    rows.set(restaurantId, {
      restaurantId,
      ...pick('name', row, change),
      ...pick('menu', row, change),
      ...pick('open', row, change),
    });
  }
  return [...rows.values()].sort((a, b) => (a.restaurantId < b.restaurantId ? -1 : 1));
}

function pick<K extends 'name' | 'menu' | 'open'>(part: K, row: RestaurantChange | undefined, change: RestaurantChange): Pick<RestaurantChange, K> {
  const next = change[part];
  const current = row?.[part] ?? null;
  const kept = next ? newest<unknown>(current, next) : current;
  return (kept ? { [part]: kept } : {}) as Pick<RestaurantChange, K>;
}
