import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AccessPolicy, CHECKED_BY_USE_CASE, describePolicy, OwnerField } from './access-policy';
import type { BoundRole } from './roles';

export const ACCESS_POLICY = 'brigade:access-policy';

/** The OpenAPI extension naming each operation's policy; the route-policy test reads it. */
export const ACCESS_EXTENSION = 'x-access';

export const BEARER_SCHEME = 'bearer';

function declare(policy: AccessPolicy): MethodDecorator & ClassDecorator {
  const documented =
    policy.kind === 'public'
      ? []
      : [
          ApiBearerAuth(BEARER_SCHEME),
          ApiUnauthorizedResponse({ description: 'No bearer token, or one that does not verify (AUTH.UNAUTHENTICATED)' }),
          ApiForbiddenResponse({ description: 'The token’s role or binding does not cover this (AUTH.FORBIDDEN)' }),
        ];
  return applyDecorators(SetMetadata(ACCESS_POLICY, policy), ApiExtension(ACCESS_EXTENSION, describePolicy(policy)), ...documented);
}

/**
 * Every route declares who may call it; the access guard refuses a route that does not.
 *   @Access.public()                                    anyone, no token
 *   @Access.admin()                                     admins only
 *   @Access.owner({ consumer: param('consumerId') })    that consumer's user, or an admin
 *   @Access.owner({ consumer: CHECKED_BY_USE_CASE })    consumers get in; the use case checks the loaded resource
 */
export const Access = {
  public: () => declare({ kind: 'public' }),
  admin: () => declare({ kind: 'users', grants: {} }),
  owner: (grants: Partial<Record<BoundRole, OwnerField | typeof CHECKED_BY_USE_CASE>>) => declare({ kind: 'users', grants }),
};
