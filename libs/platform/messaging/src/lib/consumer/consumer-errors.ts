import type { DomainErrorKind } from '@brigade/domain';

const DOMAIN_ERROR_KINDS: readonly string[] = ['validation', 'not-found', 'conflict', 'rule'] satisfies DomainErrorKind[];

/**
 * A DomainError is a final business answer: recorded and acked, never retried. Recognised by
 * its `code` and `kind` rather than `instanceof`, which does not survive duplicated module
 * copies or errors rebuilt from another process.
 */
export function isDomainErrorLike(error: unknown): error is { code: string; kind: DomainErrorKind; message: string } {
  const e = error as { code?: unknown; kind?: unknown } | null;
  return typeof e?.code === 'string' && typeof e.kind === 'string' && DOMAIN_ERROR_KINDS.includes(e.kind);
}

/**
 * The event store refused an append because another transaction wrote the stream first (its
 * `EVENT_STORE.CONCURRENCY`, whatever the reason): not the message's fault, and a fresh
 * transaction usually succeeds at once. Recognised by code, like domain errors.
 */
export function isConcurrencyConflict(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'EVENT_STORE.CONCURRENCY';
}

/**
 * An error that says retrying cannot help (`retryable: false`, e.g. the contracts' ContractViolation):
 * the message is parked after its first attempt instead of after every backoff.
 */
export function isUnretryable(error: unknown): boolean {
  return (error as { retryable?: unknown } | null)?.retryable === false;
}

export interface ErrorSummary {
  readonly name: string;
  readonly message: string;
  readonly code?: string;
}

export function summarizeError(error: unknown): ErrorSummary {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { name: error.name, message: error.message, ...(typeof code === 'string' ? { code } : {}) };
  }
  const e = error as { message?: unknown } | null;
  return { name: 'Error', message: typeof e?.message === 'string' ? e.message : String(error) };
}

/** One line fit for a NATS header (no CR/LF) and bounded in size. */
export function errorLine(error: unknown): string {
  return summaryLine(summarizeError(error));
}

export function summaryLine({ name, message, code }: ErrorSummary): string {
  return `${name}${code ? ` [${code}]` : ''}: ${message}`.replace(/[\r\n]+/g, ' ').slice(0, 1000);
}

/**
 * Nest's default RPC exception filter replaces every error by this shape, losing its code:
 * seeing it means PassErrorsToJetStreamFilter was not registered on the microservice.
 */
export function isNestMaskedError(error: unknown): boolean {
  const e = error as { status?: unknown; message?: unknown } | null;
  return !(error instanceof Error) && e?.status === 'error' && typeof e.message === 'string';
}
