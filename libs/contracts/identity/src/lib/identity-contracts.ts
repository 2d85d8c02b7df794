import { exampleOf } from '@brigade/contracts/core';
import { userRegisteredV1, UserRegisteredV1 } from './user-registered.v1';

/** Every contract this context publishes. */
export const identityContracts = [userRegisteredV1] as const;

// Object mothers: a valid payload, with what the test cares about overridden.
export const aUserRegisteredV1 = (overrides: Partial<UserRegisteredV1> = {}): UserRegisteredV1 => exampleOf(userRegisteredV1, overrides);

/** A restaurant staff user's registration: no consumer, no name. */
export const aStaffUserRegisteredV1 = (overrides: Partial<UserRegisteredV1> = {}): UserRegisteredV1 => {
  const { consumerId: _consumerId, name: _name, ...staff } = aUserRegisteredV1({
    role: 'restaurant',
    email: 'kitchen@example.com',
    restaurantId: '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c01',
  });
  return { ...staff, ...overrides };
};
