import { Access } from '@brigade/auth';
import { SERVICE_CONFIG } from '@brigade/service';
import { Controller, Get, Inject } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { JWK } from 'jose';
import { GetSigningKeys } from '../../application/get-signing-keys/get-signing-keys.query';
import type { IdentityConfig } from '../../config/identity.config';

/**
 * What verifiers discover: the public signing keys (RFC 7517) and the issuer's metadata (OpenID
 * Connect Discovery, the parts identity implements). Public.
 */
@ApiTags('discovery')
@Access.public()
@Controller('.well-known')
export class WellKnownController {
  constructor(
    private readonly queries: QueryBus,
    @Inject(SERVICE_CONFIG) private readonly config: IdentityConfig,
  ) {}

  @Get('jwks.json')
  @ApiOperation({ summary: 'The public keys tokens are signed with (a key about to sign, the signing one, and retiring ones).' })
  @ApiOkResponse({ description: '{"keys":[{kty,n,e,kid,alg,use}]}' })
  jwks(): Promise<{ keys: JWK[] }> {
    return this.queries.execute(new GetSigningKeys());
  }

  @Get('openid-configuration')
  @ApiOperation({ summary: 'The issuer’s metadata: issuer, jwks_uri, token_endpoint, algorithms.' })
  @ApiOkResponse({ description: 'OpenID Connect Discovery document' })
  openidConfiguration(): Record<string, unknown> {
    const issuer = this.config.AUTH_ISSUER.replace(/\/$/, '');
    return {
      issuer: this.config.AUTH_ISSUER,
      jwks_uri: `${issuer}/.well-known/jwks.json`,
      token_endpoint: `${issuer}/auth/token`,
      grant_types_supported: ['password'],
      token_endpoint_auth_methods_supported: ['none'],
      response_types_supported: ['token'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      claims_supported: ['iss', 'aud', 'sub', 'exp', 'iat', 'jti', 'role', 'consumer_id', 'restaurant_id', 'courier_id'],
    };
  }
}
