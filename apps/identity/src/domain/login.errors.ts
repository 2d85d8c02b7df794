/**
 * Stable codes of refused logins. They are no DomainErrors: a login decides nothing about a user,
 * and neither answer (401, 429) is a business outcome the shared error mapping knows; the HTTP
 * layer renders them.
 */
export const LoginErrorCodes = {
  /** Unknown email or wrong password: one answer for both, so it tells nobody which emails exist. */
  InvalidCredentials: 'IDENTITY.CREDENTIALS.INVALID',
  /** Too many failures for this email or from this address lately: try again after Retry-After. */
  Throttled: 'IDENTITY.LOGIN.THROTTLED',
} as const;
