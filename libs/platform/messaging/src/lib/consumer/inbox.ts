import { EntityManager } from 'typeorm';
import { CreateMsgDeadLetters1700000000250 } from '../dead-letter/migrations/1700000000250-create-msg-dead-letters';
import { CreateMsgInbox1700000000200 } from './migrations/1700000000200-create-msg-inbox';

/** Add to the DataSource migrations of every context that consumes events: its inbox, and the record of what it parked. */
export const inboxMigrations = [CreateMsgInbox1700000000200, CreateMsgDeadLetters1700000000250];

export type InboxOutcome = 'processed' | 'rejected' | 'parked' | 'discarded';

/**
 * Whether (consumer, event id) already has a final answer. Not read before every attempt (that
 * would cost a round trip per message): a redelivered event simply runs again and its
 * transaction rolls back at claimInbox. Read when an attempt fails, so a redelivered copy of an
 * event that was answered (or parked) is not retried and parked a second time.
 * A `parked` row counts as answered unless `takeOverParked`.
 */
export async function inboxAnswered(
  manager: EntityManager,
  consumer: string,
  eventId: string,
  options: { takeOverParked: boolean },
): Promise<boolean> {
  const rows: Array<{ outcome: InboxOutcome }> = await manager.query('SELECT outcome FROM msg_inbox WHERE consumer = $1 AND event_id = $2', [
    consumer,
    eventId,
  ]);
  return rows.length > 0 && !(options.takeOverParked && rows[0].outcome === 'parked');
}

/**
 * Marks (consumer, event id) processed at the END of the attempt's transaction, after the
 * handlers ran. Written last so the transaction takes its xid at its first real write (an
 * event append, typically after a stream lock), not before it: an xid taken early can make the
 * event store refuse the append for transaction order. False when a concurrent attempt at the
 * same event answered first (the insert waits for it to commit): the caller must roll back.
 *
 * `takeOverParked`: a replay of a dead-lettered message may claim an event whose row says
 * `parked`; the consumer itself never does, so a parked message stays parked until replayed.
 */
export async function claimInbox(
  manager: EntityManager,
  consumer: string,
  eventId: string,
  options: { takeOverParked: boolean },
): Promise<boolean> {
  const takeOver = options.takeOverParked
    ? `DO UPDATE SET outcome = 'processed', detail = NULL, processed_at = now() WHERE msg_inbox.outcome = 'parked'`
    : 'DO NOTHING';
  const rows: unknown[] = await manager.query(
    `INSERT INTO msg_inbox (consumer, event_id, outcome) VALUES ($1, $2, 'processed')
     ON CONFLICT (consumer, event_id) ${takeOver}
     RETURNING event_id`,
    [consumer, eventId],
  );
  return rows.length > 0;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CONSUMER_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** One inbox row to write: the consumer (durable) and the event it answered. */
export interface InboxMark {
  readonly consumer: string;
  readonly eventId: string;
}

/**
 * claimInbox as a parameterless statement for the transaction's COMMIT round trip (commitWith):
 * a plain INSERT of one row per mark (the marks of a batch, or of a lane group that spans
 * durables), so an existing answer makes it fail with a unique violation (isInboxConflict) and
 * the transaction rolls back. Null when a value is not of the shape that can be inlined safely
 * (a uuid, a kebab-case consumer name): use claimInbox then.
 */
export function inboxMarkStatement(marks: readonly InboxMark[]): string | null {
  const safe = ({ consumer, eventId }: InboxMark) => CONSUMER_NAME.test(consumer.replace(/--/g, '-')) && UUID.test(eventId);
  if (marks.length === 0 || !marks.every(safe)) return null;
  const rows = marks.map(({ consumer, eventId }) => `('${consumer}', '${eventId}', 'processed')`);
  return `INSERT INTO msg_inbox (consumer, event_id, outcome) VALUES ${rows.join(', ')}`;
}

/** The inbox mark of inboxMarkStatement met an existing answer. */
export function isInboxConflict(error: unknown): boolean {
  const e = error as { code?: unknown; constraint?: unknown; driverError?: { code?: unknown; constraint?: unknown } } | null;
  const code = e?.driverError?.code ?? e?.code;
  const constraint = e?.driverError?.constraint ?? e?.constraint;
  return code === '23505' && constraint === 'msg_inbox_pkey';
}

/**
 * Records a final answer reached outside a handler transaction (a rejection after rollback, a
 * park, a discard). A processed event stays processed; a `parked` row is overwritten only with
 * `overwriteParked` (a replay, a re-park, a discard). True when this call wrote the answer.
 */
export async function recordInboxOutcome(
  manager: EntityManager,
  consumer: string,
  eventId: string,
  outcome: Exclude<InboxOutcome, 'processed'>,
  detail: Record<string, unknown>,
  options: { overwriteParked: boolean },
): Promise<boolean> {
  const overwrite = options.overwriteParked
    ? `DO UPDATE SET outcome = EXCLUDED.outcome, detail = EXCLUDED.detail, processed_at = now() WHERE msg_inbox.outcome = 'parked'`
    : 'DO NOTHING';
  const rows: unknown[] = await manager.query(
    `INSERT INTO msg_inbox (consumer, event_id, outcome, detail) VALUES ($1, $2, $3, $4)
     ON CONFLICT (consumer, event_id) ${overwrite}
     RETURNING event_id`,
    [consumer, eventId, outcome, JSON.stringify(detail)],
  );
  return rows.length > 0;
}
