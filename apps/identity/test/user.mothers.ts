// Object mothers for the identity app's tests: a valid value, with what the test cares about overridden.
import type { RegisterUser } from '../src/domain/user.commands';
import type { UserRegistered } from '../src/domain/user.events';

export const userId = '7f3e2d1c-0b9a-4f8e-9d7c-6b5a4f3e2d01';
export const consumerId = '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b01';
export const restaurantId = '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c01';
export const courierId = '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d01';

/** A consumer's sign-up, unless overridden. */
export const registerUser = (overrides: Partial<RegisterUser['data']> = {}): RegisterUser => ({
  type: 'RegisterUser',
  data: { userId, email: 'ada@example.com', role: 'consumer', consumerId, name: { firstName: 'Ada', lastName: 'Lovelace' }, ...overrides },
});

/** Restaurant staff (no consumer, no name), unless overridden. */
export const registerStaff = (overrides: Partial<RegisterUser['data']> = {}): RegisterUser => ({
  type: 'RegisterUser',
  data: { userId, email: 'kitchen@example.com', role: 'restaurant', restaurantId, ...overrides },
});

export const userRegistered = (overrides: Partial<UserRegistered['data']> = {}): UserRegistered => ({
  type: 'UserRegistered',
  data: { ...registerUser().data, ...overrides },
});
