import { HttpException, HttpStatus } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { AuthEdgeError } from '@brigade/auth';
import type { DomainErrorKind } from '@brigade/domain';
import { ProblemCodes, ProblemDetails, problemType } from './problem';
import { ProblemException } from './problem.exception';
import { RequestBodyError } from './request-body.error';

export const DOMAIN_ERROR_STATUS: Readonly<Record<DomainErrorKind, number>> = {
  validation: 400,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  rule: 422,
};

export interface ProblemContext {
  /** The request path. */
  readonly instance?: string;
  readonly correlationId?: string;
}

export interface MappedProblem {
  readonly problem: ProblemDetails;
  /** True when the error is a bug (500): log it in full; its message never reaches the client. */
  readonly unexpected: boolean;
}

/**
 * The one mapping from thrown things to problem documents. Domain errors are recognised by
 * shape (`code` + `kind`), not `instanceof`, because codes survive where classes may not.
 */
export function toProblem(error: unknown, context: ProblemContext = {}): MappedProblem {
  if (error instanceof ProblemException) {
    const { status, code, detail, title, errors, extensions } = error.problem;
    return expected({ ...extensions, ...base(status, code, detail, context, title), ...(errors ? { errors } : {}) });
  }
  if (error instanceof RequestBodyError) {
    return expected(base(error.status, error.code, error.message, context));
  }
  if (error instanceof AuthEdgeError) {
    return expected(base(error.status, error.code, error.message, context));
  }
  if (isCodedDomainError(error)) {
    const details = error.details && Object.keys(error.details).length > 0 ? { details: error.details } : {};
    return expected({ ...base(DOMAIN_ERROR_STATUS[error.kind], error.code, error.message, context), ...details });
  }
  if (hasCode(error, ProblemCodes.concurrency)) {
    const detail = 'The resource was changed by another request at the same time; read it again and retry.';
    return expected(base(409, ProblemCodes.concurrency, detail, context));
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const code = `HTTP.${HttpStatus[status] ?? status}`;
    return { problem: base(status, code, httpDetail(error), context), unexpected: status >= 500 };
  }
  const detail = 'An unexpected error occurred. It has been logged' + (context.correlationId ? ` under correlation id ${context.correlationId}.` : '.');
  return { problem: base(500, ProblemCodes.internal, detail, context), unexpected: true };
}

function base(status: number, code: string, detail: string, context: ProblemContext, title?: string): ProblemDetails {
  return {
    type: problemType(code),
    title: title ?? STATUS_CODES[status] ?? 'Error',
    status,
    detail,
    code,
    ...(context.instance ? { instance: context.instance } : {}),
    ...(context.correlationId ? { correlationId: context.correlationId } : {}),
  };
}

function expected(problem: ProblemDetails): MappedProblem {
  return { problem, unexpected: false };
}

interface CodedDomainError {
  readonly code: string;
  readonly kind: DomainErrorKind;
  readonly message: string;
  readonly details?: Record<string, unknown>;
}

function isCodedDomainError(error: unknown): error is CodedDomainError {
  if (!(error instanceof Error)) return false;
  const { code, kind } = error as Partial<CodedDomainError>;
  return typeof code === 'string' && typeof kind === 'string' && Object.hasOwn(DOMAIN_ERROR_STATUS, kind);
}

function hasCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

/** Nest's HttpExceptions carry a client-facing message (string, or a list from its own ValidationPipe). */
function httpDetail(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.map(String).join('; ');
  return typeof message === 'string' ? message : exception.message;
}
