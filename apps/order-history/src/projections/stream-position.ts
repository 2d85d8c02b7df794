/** What a view reads off an event's envelope: a delivered event (ConsumedEvent) and a handler's JetStreamContext both have it. */
export interface EventEnvelope {
  readonly eventId: string;
  readonly subject: string;
  readonly streamVersion: number | null;
  readonly metadata: { readonly occurredAt: string };
}

/**
 * Where an event comes from, as far as a view needs to know: its id (timeline entries are unique
 * by it), its subject, when it happened, and its version in its producer's stream. The version
 * is null when the producer did not say; such an event is applied as it comes.
 */
export interface EventPosition {
  readonly eventId: string;
  readonly subject: string;
  readonly occurredAt: string;
  readonly version: number | null;
}

export function positionOf(event: EventEnvelope): EventPosition {
  return { eventId: event.eventId, subject: event.subject, occurredAt: event.metadata.occurredAt, version: event.streamVersion };
}

/** A value with the producer's version of the event that gave it (null: the producer did not say). */
export interface Versioned<T> {
  readonly version: number | null;
  readonly value: T;
}

/**
 * Of two values for one guarded part, the one its version guard keeps when both are applied,
 * the current one first: the newer version; on a tie the current one (the guard is strict);
 * a value without a version is applied as it comes, so it replaces, and is replaced by, the other.
 */
export function newest<T>(current: Versioned<T> | null, next: Versioned<T>): Versioned<T> {
  if (current === null || next.version === null || current.version === null) return next;
  return next.version > current.version ? next : current;
}

/**
 * SQL guard "this event is newer than the last one applied to this part": true when the producer
 * gave no version. `column` is a version column, `param` the placeholder of the event's version.
 */
export function newerThan(column: string, param: string): string {
  return `(${param}::int IS NULL OR ${column} < ${param}::int)`;
}

/** The version a part records after applying an event (unchanged when the producer gave none). */
export function versionAfter(column: string, param: string): string {
  return `COALESCE(${param}::int, ${column})`;
}
