import type { JWTPayload } from 'jose';
import { InvalidTokenError } from './auth-errors';
import type { AuthConfig } from './auth.config';
import { AuthenticatedActor, BINDING_OF, BoundRole, isRole, Role } from './roles';

const ID = /^[A-Za-z0-9][A-Za-z0-9._:@|-]{0,127}$/;

type ClaimNames = Pick<AuthConfig, 'AUTH_ROLE_CLAIM' | 'AUTH_CONSUMER_CLAIM' | 'AUTH_RESTAURANT_CLAIM' | 'AUTH_COURIER_CLAIM'>;

/**
 * The actor a verified token speaks for: `sub`, one Brigade role, and for a consumer, restaurant
 * or courier user the id it is bound to. A token lacking any of them is refused, not downgraded.
 */
export function actorOfClaims(payload: JWTPayload, names: ClaimNames): AuthenticatedActor {
  const id = payload.sub;
  if (typeof id !== 'string' || !ID.test(id)) throw new InvalidTokenError('The access token names no valid subject (sub).');
  const role = roleOf(claimAt(payload, names.AUTH_ROLE_CLAIM));
  if (!role) throw new InvalidTokenError(`The access token carries no Brigade role in "${names.AUTH_ROLE_CLAIM}".`);
  if (role === 'admin') return { id, role };
  const claim = { consumer: names.AUTH_CONSUMER_CLAIM, restaurant: names.AUTH_RESTAURANT_CLAIM, courier: names.AUTH_COURIER_CLAIM }[role];
  const bound = claimAt(payload, claim);
  if (typeof bound !== 'string' || !ID.test(bound)) throw new InvalidTokenError(`A ${role} token must name its ${role} in "${claim}".`);
  return { id, role, [BINDING_OF[role as BoundRole]]: bound.toLowerCase() };
}

function roleOf(value: unknown): Role | undefined {
  const candidates = Array.isArray(value) ? value : [value];
  return candidates.find(isRole);
}

/** `realm_access.roles` reads nested claims, as Keycloak writes them. */
function claimAt(payload: JWTPayload, path: string): unknown {
  let value: unknown = payload;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
