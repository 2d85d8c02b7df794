import { DomainError } from '@brigade/domain';

export const AuthErrorCodes = {
  /** No bearer token, or one that does not verify (signature, issuer, audience, expiry, claims). */
  unauthenticated: 'AUTH.UNAUTHENTICATED',
  /** A verified user whose role or binding does not cover the route or the resource. */
  forbidden: 'AUTH.FORBIDDEN',
  /** The route declares no access policy: a bug, refused rather than left open. */
  noPolicy: 'AUTH.NO_POLICY',
  /** The issuer's keys could not be fetched, so no token can be checked now. */
  keysUnavailable: 'AUTH.KEYS_UNAVAILABLE',
} as const;

/** The verified caller may not act on this resource (403). */
export class ForbiddenError extends DomainError {
  constructor(message = 'This resource is not yours to act on.') {
    super(AuthErrorCodes.forbidden, 'forbidden', message);
  }
}

/** Why a token was not accepted; its message is safe to show the caller. */
export class InvalidTokenError extends Error {
  readonly code = AuthErrorCodes.unauthenticated;
  constructor(message: string) {
    super(message);
    this.name = 'InvalidTokenError';
  }
}

/** An answer the access guard decided on, with its HTTP status and stable code (the problem filter renders it). */
export abstract class AuthEdgeError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;
}

/** No bearer token, or one that does not verify: 401. */
export class UnauthenticatedError extends AuthEdgeError {
  readonly status = 401;
  readonly code = AuthErrorCodes.unauthenticated;
}

/** A route without a declared policy: refused (403), and logged as the bug it is. */
export class NoPolicyError extends AuthEdgeError {
  readonly status = 403;
  readonly code = AuthErrorCodes.noPolicy;
}

/** The keys to check a token with are out of reach (the issuer is down): 503, not 401. */
export class KeysUnavailableError extends AuthEdgeError {
  readonly status = 503;
  readonly code = AuthErrorCodes.keysUnavailable;
  constructor(options?: { cause?: unknown }) {
    super('The access token cannot be checked right now: the issuer’s keys are out of reach. Retry shortly.', options);
    this.name = 'KeysUnavailableError';
  }
}
