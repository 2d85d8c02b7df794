import type { StoredEvent } from '@brigade/event-store';

/** The contract an internal event is published as: subject without namespace prefix, and the JSON body. */
export interface EventMapping {
  readonly subject: string;
  readonly payload: object;
}

/**
 * Supplied by the app: maps an internal event to its contract explicitly, or returns null for
 * an internal-only event (not published; the relay still moves past it). Must be pure: the
 * relay may map the same event again after a failure.
 */
export type EventMapper = (event: StoredEvent) => EventMapping | null;

/** Structured logging; Nest's Logger (and nestjs-pino's) fit this shape. */
export interface RelayLogger {
  log(message: object): void;
  warn(message: object): void;
  error(message: object): void;
  debug?(message: object): void;
}
