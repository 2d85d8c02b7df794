import { HttpException } from '@nestjs/common';
import { FieldError } from './problem';

export interface ProblemInit {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly title?: string;
  readonly errors?: readonly FieldError[];
  /** Extra members of the problem document (RFC 9457 extensions). */
  readonly extensions?: Record<string, unknown>;
}

/**
 * An HTTP answer the edge decided on (bad input, unhealthy service...), rendered as is by the
 * problem filter. Domain code throws DomainError instead; this is for the HTTP layer.
 */
export class ProblemException extends HttpException {
  constructor(readonly problem: ProblemInit) {
    super(problem.detail, problem.status);
    this.name = 'ProblemException';
  }

  static validation(errors: readonly FieldError[], detail = describeFieldErrors(errors)): ProblemException {
    return new ProblemException({ status: 400, code: 'REQUEST.VALIDATION', title: 'Invalid request', detail, errors });
  }
}

function describeFieldErrors(errors: readonly FieldError[]): string {
  const fields = [...new Set(errors.map((error) => error.field))];
  return `The request is invalid: ${fields.join(', ')}`;
}
