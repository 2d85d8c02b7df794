import { SERVICE_CONFIG } from '@brigade/service';
import { Inject, Injectable } from '@nestjs/common';
import { SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import type { IdentityConfig } from '../../config/identity.config';
import type { UserProfile } from '../../domain/user.events';
import { KeyRing } from './key-ring';
import { SIGNING_ALGORITHM } from './signing-key-store';

export interface AccessToken {
  readonly accessToken: string;
  /** Seconds until it expires. */
  readonly expiresIn: number;
}

/**
 * Access tokens as every app's verifier reads them (libs/platform/auth, default claim names):
 * RS256 with the key id in the header; iss, aud, sub (the user id), role and the consumer_id,
 * restaurant_id or courier_id the role binds to, iat, exp and a unique jti.
 */
@Injectable()
export class AccessTokenSigner {
  constructor(
    private readonly keys: KeyRing,
    @Inject(SERVICE_CONFIG) private readonly config: IdentityConfig,
  ) {}

  async sign(user: UserProfile, now: Date = new Date()): Promise<AccessToken> {
    const { kid, privateKey } = await this.keys.signingKey();
    const issuedAt = Math.floor(now.getTime() / 1000);
    const expiresIn = this.config.IDENTITY_TOKEN_TTL_S;
    const accessToken = await new SignJWT({
      role: user.role,
      ...(user.consumerId ? { consumer_id: user.consumerId } : {}),
      ...(user.restaurantId ? { restaurant_id: user.restaurantId } : {}),
      ...(user.courierId ? { courier_id: user.courierId } : {}),
    })
      .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid, typ: 'JWT' })
      .setIssuer(this.config.AUTH_ISSUER)
      .setAudience(this.config.AUTH_AUDIENCE)
      .setSubject(user.userId)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + expiresIn)
      .setJti(randomUUID())
      .sign(privateKey);
    return { accessToken, expiresIn };
  }
}
