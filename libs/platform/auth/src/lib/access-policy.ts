import { AuthenticatedActor, BINDING_OF, BoundRole } from './roles';

/** Where a route names the resource's owner: a path parameter or a body field. */
export interface OwnerField {
  readonly in: 'param' | 'body';
  readonly name: string;
}

/** The owner is checked by the use case on the resource it loads (e.g. an order's consumer). */
export const CHECKED_BY_USE_CASE = 'checked-by-use-case';

export type Grant = OwnerField | typeof CHECKED_BY_USE_CASE;

/**
 * Who may call a route. Admins may call every route that is not public; `grants` adds the bound
 * roles allowed, each for the resource it owns.
 */
export type AccessPolicy = { readonly kind: 'public' } | { readonly kind: 'users'; readonly grants: Partial<Record<BoundRole, Grant>> };

export const param = (name: string): OwnerField => ({ in: 'param', name });
export const body = (name: string): OwnerField => ({ in: 'body', name });

export interface RequestParts {
  readonly params?: Record<string, unknown>;
  readonly body?: unknown;
}

/** Whether a verified actor may call a route with this policy (ownership by the use case aside). */
export function mayCall(policy: AccessPolicy, actor: AuthenticatedActor, request: RequestParts): boolean {
  if (policy.kind === 'public' || actor.role === 'admin') return true;
  const grant = policy.grants[actor.role];
  if (grant === undefined) return false;
  if (grant === CHECKED_BY_USE_CASE) return true;
  const source = grant.in === 'param' ? request.params : request.body;
  const owner = typeof source === 'object' && source !== null ? (source as Record<string, unknown>)[grant.name] : undefined;
  return typeof owner === 'string' && owner.toLowerCase() === actor[BINDING_OF[actor.role]];
}

/** One line per policy, as docs/security.md and the OpenAPI `x-access` extension show it. */
export function describePolicy(policy: AccessPolicy): string {
  if (policy.kind === 'public') return 'public';
  const grants = Object.entries(policy.grants).map(([role, grant]) =>
    grant === CHECKED_BY_USE_CASE ? `${role} (own, checked on the resource)` : `${role} (own ${grant.in === 'param' ? ':' : 'body.'}${grant.name})`,
  );
  return ['admin', ...grants].join(', ');
}
