import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const CORRELATION_ID_HEADER = 'x-correlation-id';

/** Ids from callers are accepted when they look like ids (UUIDs, ULIDs, trace ids), not arbitrary text. */
const ACCEPTED_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

const correlationIdKey = Symbol.for('brigade.correlation-id');

type Carrier = IncomingMessage & { [correlationIdKey]?: string };

/**
 * The request's correlation id: the caller's X-Correlation-Id when acceptable, else a new
 * UUID. Decided once per request, stored on it and echoed in the response header.
 * Idempotent, so the middleware and the request logger may both call it.
 */
export function ensureCorrelationId(request: IncomingMessage, response?: ServerResponse): string {
  const carrier = request as Carrier;
  let id = carrier[correlationIdKey];
  if (id === undefined) {
    const given = request.headers[CORRELATION_ID_HEADER];
    id = typeof given === 'string' && ACCEPTED_ID.test(given) ? given : randomUUID();
    carrier[correlationIdKey] = id;
  }
  if (response && !response.headersSent && !response.hasHeader(CORRELATION_ID_HEADER)) {
    response.setHeader('X-Correlation-Id', id);
  }
  return id;
}

/** The id decided by ensureCorrelationId, or undefined if the request never passed through it. */
export function correlationIdOf(request: IncomingMessage): string | undefined {
  return (request as Carrier)[correlationIdKey];
}

/** Connect-style middleware (Fastify runs it through middie); the first thing every request meets. */
export function correlationIdMiddleware(request: IncomingMessage, response: ServerResponse, next: () => void): void {
  ensureCorrelationId(request, response);
  next();
}
