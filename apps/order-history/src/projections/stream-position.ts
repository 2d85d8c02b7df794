import type { JetStreamContext } from '@brigade/messaging';

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

export function positionOf(ctx: JetStreamContext): EventPosition {
  return { eventId: ctx.eventId, subject: ctx.subject, occurredAt: ctx.metadata.occurredAt, version: ctx.streamVersion };
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
