// Request bodies for component tests (object mothers), valid unless a test overrides a field.
export const aRegisterConsumerBody = (overrides: Record<string, unknown> = {}) => ({
  name: { firstName: 'Ada', lastName: 'Lovelace' },
  email: 'ada@example.com',
  ...overrides,
});

/** The body without `field` (to test a missing field). */
export function without<T extends object>(body: T, field: keyof T): Partial<T> {
  const copy = { ...body };
  delete copy[field];
  return copy;
}
