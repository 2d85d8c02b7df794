import type { Actor } from '@brigade/event-store';
import { ForbiddenError } from './auth-errors';
import { BINDING_OF, BoundRole } from './roles';

/** The owners of a resource, by role: `{ consumer: order.consumerId }`, `{ restaurant: ticket.restaurantId }`. */
export type Owners = Partial<Record<BoundRole, string>>;

/**
 * For use cases that load the resource before they know its owner (routes declared with
 * `CHECKED_BY_USE_CASE`): admins and the platform act on anything; a user only on what its
 * token binds it to.
 */
export function mayActOn(actor: Actor, owners: Owners): boolean {
  if (actor.role === 'admin' || actor.role === 'system') return true;
  if (actor.role === 'anonymous') return false;
  const owner = owners[actor.role];
  return owner !== undefined && owner.toLowerCase() === actor[BINDING_OF[actor.role]];
}

export function assertMayActOn(actor: Actor, owners: Owners): void {
  if (!mayActOn(actor, owners)) throw new ForbiddenError();
}
