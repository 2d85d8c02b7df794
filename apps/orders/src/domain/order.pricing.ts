import { InvalidQuantityError, MAX_QUANTITY, NoLineItemsError, RestaurantClosedError, UnknownMenuItemError } from './order.errors';
import { OrderLine, RequestedLine, RestaurantSnapshot } from './order.types';

/** Prices the requested lines against the restaurant's menu; refuses a closed restaurant, unknown items, bad quantities. */
export function priceLines(restaurant: RestaurantSnapshot, requested: readonly RequestedLine[]): OrderLine[] {
  if (requested.length === 0) throw new NoLineItemsError();
  if (!restaurant.open) throw new RestaurantClosedError(restaurant.restaurantId);
  return requested.map(({ menuItemId, quantity }) => {
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) throw new InvalidQuantityError(menuItemId, quantity);
    const item = restaurant.menu.find((m) => m.menuItemId === menuItemId);
    if (!item) throw new UnknownMenuItemError(restaurant.restaurantId, menuItemId);
    return { menuItemId, name: item.name, priceCents: item.priceCents, quantity };
  });
}

export function orderTotalCents(lines: readonly OrderLine[]): number {
  return lines.reduce((sum, line) => sum + line.priceCents * line.quantity, 0);
}
