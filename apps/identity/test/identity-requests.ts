// Request bodies for component tests (object mothers), valid unless a test overrides a field.
import { randomUUID } from 'node:crypto';

export const PASSWORD = 'correct horse battery staple';

/** A fresh email per call, so that tests sharing an app never collide. */
export const aNewEmail = () => `user-${randomUUID()}@example.com`;

export const aSignUpBody = (overrides: Record<string, unknown> = {}) => ({
  email: aNewEmail(),
  password: PASSWORD,
  name: { firstName: 'Ada', lastName: 'Lovelace' },
  ...overrides,
});

/** Restaurant staff, unless overridden. */
export const aCreateUserBody = (overrides: Record<string, unknown> = {}) => ({
  email: aNewEmail(),
  password: PASSWORD,
  role: 'restaurant',
  restaurantId: randomUUID(),
  ...overrides,
});

/** The body without `field` (to test a missing field). */
export function without<T extends object>(body: T, field: keyof T): Partial<T> {
  const copy = { ...body };
  delete copy[field];
  return copy;
}
