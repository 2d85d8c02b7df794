import type { Actor } from '@brigade/event-store';
import type { IncomingMessage } from 'node:http';

export const ANONYMOUS_ACTOR: Actor = Object.freeze({ id: 'anonymous', role: 'anonymous' });

export const ACTOR_ID_HEADER = 'x-actor-id';
export const ACTOR_ROLE_HEADER = 'x-actor-role';

/** Roles a caller may claim; `system` is reserved for the platform's own reactions. */
const CLAIMABLE_ROLES: readonly Actor['role'][] = ['consumer', 'restaurant-staff', 'courier', 'admin'];
const ACTOR_ID = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$/;

const actorKey = Symbol.for('brigade.actor');

type Carrier = IncomingMessage & { [actorKey]?: Actor };

/**
 * Sets the request's authenticated actor. Today nothing calls it; the JWT guard of the
 * authentication issue will, and routes and @CommandMetadata() stay as they are.
 */
export function setRequestActor(request: IncomingMessage, actor: Actor): void {
  (request as Carrier)[actorKey] = actor;
}

/**
 * Who is acting: the actor set by an authentication guard; until there is one, the
 * X-Actor-Id / X-Actor-Role pair when both are present and well-formed (trusted because only
 * the platform's own gateway and tests call the apps today); otherwise anonymous.
 */
export function actorOf(request: IncomingMessage): Actor {
  const authenticated = (request as Carrier)[actorKey];
  if (authenticated) return authenticated;
  const id = request.headers[ACTOR_ID_HEADER];
  const role = request.headers[ACTOR_ROLE_HEADER];
  if (typeof id === 'string' && typeof role === 'string' && ACTOR_ID.test(id) && isClaimableRole(role)) {
    return { id, role };
  }
  return ANONYMOUS_ACTOR;
}

function isClaimableRole(role: string): role is Actor['role'] {
  return (CLAIMABLE_ROLES as readonly string[]).includes(role);
}
