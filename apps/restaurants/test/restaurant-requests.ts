// Request bodies for component tests (object mothers), valid unless a test overrides a field.
export const aMenuItemBody = (overrides: Record<string, unknown> = {}) => ({
  menuItemId: '7d3c1b2a-0e4f-4a6b-9c8d-1e2f3a4b5c01',
  name: 'Chicken Vindaloo',
  priceCents: 1299,
  ...overrides,
});

export const aSecondMenuItemBody = (overrides: Record<string, unknown> = {}) =>
  aMenuItemBody({ menuItemId: '7d3c1b2a-0e4f-4a6b-9c8d-1e2f3a4b5c02', name: 'Garlic Naan', priceCents: 399, ...overrides });

export const aCreateRestaurantBody = (overrides: Record<string, unknown> = {}) => ({
  name: 'Ajanta',
  address: { street1: '1 Main Street', street2: 'Unit 2', city: 'Oakland', zip: '94611' },
  menu: [aMenuItemBody(), aSecondMenuItemBody()],
  ...overrides,
});

/** The body without `field` (to test a missing field). */
export function without<T extends object>(body: T, field: keyof T): Partial<T> {
  const copy = { ...body };
  delete copy[field];
  return copy;
}
