import { EntityManager } from 'typeorm';
import { CreateMsgInbox1700000000200 } from './migrations/1700000000200-create-msg-inbox';

/** Add to the DataSource migrations of every context that consumes events. */
export const inboxMigrations = [CreateMsgInbox1700000000200];

export type InboxOutcome = 'processed' | 'rejected' | 'parked' | 'discarded';

/**
 * Claims (consumer, event id) for processing inside the caller's transaction. False when the
 * event already has a final answer: the caller skips it. The row lock also serialises two
 * concurrent attempts at the same event (a replay racing a redelivery): the second one waits
 * for the first to commit and then sees its row.
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

/**
 * Records a final answer reached outside a handler transaction (a rejection after rollback, a
 * park, a discard). Only a `parked` row is overwritten: a processed event stays processed.
 */
export async function recordInboxOutcome(
  manager: EntityManager,
  consumer: string,
  eventId: string,
  outcome: Exclude<InboxOutcome, 'processed'>,
  detail: Record<string, unknown>,
): Promise<void> {
  await manager.query(
    `INSERT INTO msg_inbox (consumer, event_id, outcome, detail) VALUES ($1, $2, $3, $4)
     ON CONFLICT (consumer, event_id)
     DO UPDATE SET outcome = EXCLUDED.outcome, detail = EXCLUDED.detail, processed_at = now()
     WHERE msg_inbox.outcome = 'parked'`,
    [consumer, eventId, outcome, JSON.stringify(detail)],
  );
}
