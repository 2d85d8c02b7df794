/** Media type of every error response (RFC 9457). */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface FieldError {
  /** Full path of the offending field: `menu.0.priceCents`, `address.city`, or a parameter name. */
  readonly field: string;
  readonly message: string;
}

/** RFC 9457 problem details plus Brigade's stable `code` (and field errors for validation). */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  /** The request path the problem occurred on. */
  readonly instance?: string;
  /** Stable, machine-readable: `RESTAURANTS.RESTAURANT.NOT_FOUND`, `REQUEST.VALIDATION`, `INTERNAL`. */
  readonly code: string;
  readonly correlationId?: string;
  readonly errors?: readonly FieldError[];
  readonly [extension: string]: unknown;
}

/** Codes the edge itself produces (domains bring their own). */
export const ProblemCodes = {
  validation: 'REQUEST.VALIDATION',
  malformedJson: 'REQUEST.MALFORMED_JSON',
  bodyTooLarge: 'REQUEST.BODY_TOO_LARGE',
  unsupportedBody: 'REQUEST.UNSUPPORTED_BODY',
  concurrency: 'EVENT_STORE.CONCURRENCY',
  unavailable: 'HEALTH.UNAVAILABLE',
  internal: 'INTERNAL',
} as const;

/** A `type` URI per code, so clients may key on either. */
export function problemType(code: string): string {
  return `urn:brigade:problem:${code.toLowerCase()}`;
}
