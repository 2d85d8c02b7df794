import type { Actor } from '@brigade/event-store';

/** The roles an access token may carry. */
export const ROLES = ['consumer', 'restaurant', 'courier', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Roles a user holds for one consumer, restaurant or courier (named by a claim of the token). */
export type BoundRole = Exclude<Role, 'admin'>;

/** The actor's field holding the id its role binds it to. */
export const BINDING_OF: Readonly<Record<BoundRole, 'consumerId' | 'restaurantId' | 'courierId'>> = {
  consumer: 'consumerId',
  restaurant: 'restaurantId',
  courier: 'courierId',
};

/** A user verified by an access token: the actor of the commands its requests issue. */
export type AuthenticatedActor = Actor & { readonly role: Role };

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
