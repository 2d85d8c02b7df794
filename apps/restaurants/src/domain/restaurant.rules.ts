import type { Address, Menu } from './restaurant.events';
import { InvalidRestaurantError, RestaurantErrorCodes as Codes } from './restaurant.errors';

// Limits shared with the HTTP layer, which checks them first so bad input never gets here;
// the domain checks again because it is the owner of the rule.
export const RestaurantLimits = {
  maxNameLength: 200,
  maxAddressLineLength: 200,
  maxZipLength: 20,
  maxMenuItems: 500,
  /** 1,000,000 cents: anything dearer is a typo, not a dish. */
  maxPriceCents: 1_000_000,
} as const;

export function checkName(name: string): void {
  if (!isText(name, RestaurantLimits.maxNameLength)) {
    throw new InvalidRestaurantError(Codes.InvalidName, 'name', `name must be 1..${RestaurantLimits.maxNameLength} characters, not blank`);
  }
}

export function checkAddress(address: Address): void {
  const lines: Array<[keyof Address, string | undefined, number]> = [
    ['street1', address.street1, RestaurantLimits.maxAddressLineLength],
    ['city', address.city, RestaurantLimits.maxAddressLineLength],
    ['zip', address.zip, RestaurantLimits.maxZipLength],
  ];
  if (address.street2 !== undefined) lines.push(['street2', address.street2, RestaurantLimits.maxAddressLineLength]);
  for (const [field, value, max] of lines) {
    if (!isText(value, max)) {
      throw new InvalidRestaurantError(Codes.InvalidAddress, `address.${field}`, `address.${field} must be 1..${max} characters, not blank`);
    }
  }
}

/** A menu has at least one item (a restaurant that offers nothing should close instead), unique ids and sane prices. */
export function checkMenu(menu: Menu): void {
  if (menu.length === 0) throw new InvalidRestaurantError(Codes.EmptyMenu, 'menu', 'menu must have at least one item');
  if (menu.length > RestaurantLimits.maxMenuItems) {
    throw new InvalidRestaurantError(Codes.MenuTooLarge, 'menu', `menu must have at most ${RestaurantLimits.maxMenuItems} items`);
  }
  const seen = new Set<string>();
  menu.forEach((item, i) => {
    if (seen.has(item.menuItemId)) {
      throw new InvalidRestaurantError(Codes.DuplicateMenuItem, `menu.${i}.menuItemId`, `menuItemId ${item.menuItemId} appears more than once`);
    }
    seen.add(item.menuItemId);
    if (!isText(item.name, RestaurantLimits.maxNameLength)) {
      throw new InvalidRestaurantError(Codes.InvalidMenuItemName, `menu.${i}.name`, `menu item name must be 1..${RestaurantLimits.maxNameLength} characters, not blank`);
    }
    if (!Number.isSafeInteger(item.priceCents) || item.priceCents < 0 || item.priceCents > RestaurantLimits.maxPriceCents) {
      throw new InvalidRestaurantError(Codes.InvalidPrice, `menu.${i}.priceCents`, `priceCents must be a whole number of cents from 0 to ${RestaurantLimits.maxPriceCents}`);
    }
  });
}

export function sameMenu(a: Menu, b: Menu): boolean {
  return (
    a.length === b.length &&
    a.every((item, i) => {
      const other = b[i];
      return item.menuItemId === other.menuItemId && item.name === other.name && item.priceCents === other.priceCents;
    })
  );
}

function isText(value: string | undefined, maxLength: number): boolean {
  return typeof value === 'string' && value.trim().length > 0 && value.length <= maxLength;
}
