import type { DomainEvent } from '@brigade/domain';

export interface PersonName {
  readonly firstName: string;
  readonly lastName: string;
}

/** The roles a user may hold. Every role but admin acts for one consumer, restaurant or courier. */
export const USER_ROLES = ['consumer', 'restaurant', 'courier', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/**
 * Who a user is: its role and what the role binds it to. A consumer user names its consumer and
 * the consumer's name; restaurant staff their restaurant; a courier its courier; an admin nothing.
 */
export interface UserProfile {
  readonly userId: string;
  /** Normalised: trimmed, lower-case. */
  readonly email: string;
  readonly role: UserRole;
  readonly consumerId?: string;
  readonly restaurantId?: string;
  readonly courierId?: string;
  readonly name?: PersonName;
}

// Internal events, as stored in the user's stream (stream id = userId). What other contexts see
// is the contract in @brigade/contracts/identity; infrastructure/ maps one to the other. The
// password hash is no part of any event: it lives in the credentials table only.
export type UserRegistered = DomainEvent<'UserRegistered', UserProfile>;

export type UserEvent = UserRegistered;
