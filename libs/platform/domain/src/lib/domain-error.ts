/**
 * How an error maps to a response: validation -> 400, forbidden (not the caller's to act on) -> 403,
 * not-found -> 404, conflict (illegal state or concurrent change) -> 409, rule (business rule) -> 422.
 */
export type DomainErrorKind = 'validation' | 'forbidden' | 'not-found' | 'conflict' | 'rule';

/**
 * A final business answer, carrying a stable code (e.g. `RESTAURANTS.RESTAURANT.NOT_FOUND`).
 * Codes survive process boundaries where `instanceof` does not; a message consumer treats
 * a DomainError as a final answer (ack and record), anything else as retryable.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: DomainErrorKind,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
