import { Client } from 'pg';
import { Platform, PlatformApp } from './platform';

/** One event as an app's event store holds it. */
export interface StoredRecord {
  readonly eventId: string;
  readonly streamId: string;
  readonly streamType: string;
  readonly streamVersion: number;
  readonly type: string;
  readonly data: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- whatever the app's event carries
  /** The event (a message's, or one of the app's own) whose handling appended this one; null for a request. */
  readonly causationId: string | null;
  /** The appending transaction (PostgreSQL xid8, as text): the events of one transaction committed together. */
  readonly transactionId: string;
}

/** One row of an app's inbox: which durable gave which event which final answer. */
export interface InboxRecord {
  readonly consumer: string;
  readonly eventId: string;
  readonly outcome: 'processed' | 'rejected' | 'parked' | 'discarded';
  readonly detail: unknown;
}

/** What one app has stored: its events and its inbox, as of one moment. */
export interface AppRecords {
  readonly events: StoredRecord[];
  readonly inbox: InboxRecord[];
}

/**
 * The app's stored events (of `eventTypes` only, when given; in the store's global order) and
 * every row of its inbox (all its durables), read straight from its database in ONE snapshot:
 * a handler's effect and its inbox row commit together, so two separate reads could see one
 * without the other while the app is working. For tests that assert what HTTP cannot show,
 * e.g. "no event applied twice" after crashes.
 */
export async function readAppRecords(platform: Platform, app: PlatformApp, eventTypes?: readonly string[]): Promise<AppRecords> {
  // A connection per read, closed right after: the five apps already share the server's connections.
  const client = new Client({ connectionString: platform.databaseUrl(app) });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    // ORDER BY names the table's columns: a bare `transaction_id` is the text output column below,
    // which sorts xids as strings ('1000003' before '999998': a decision before its order's creation).
    const events = await client.query(
      `SELECT event_id, stream_id, stream_type, stream_version, event_type, data, metadata->>'causationId' AS causation_id, transaction_id::text FROM es_events
       ${eventTypes ? 'WHERE event_type = ANY($1)' : ''} ORDER BY es_events.transaction_id, es_events.sequence`,
      eventTypes ? [eventTypes] : [],
    );
    const inbox = await client.query('SELECT consumer, event_id, outcome, detail FROM msg_inbox ORDER BY processed_at');
    await client.query('COMMIT');
    return {
      events: events.rows.map((row) => ({
        eventId: row.event_id,
        streamId: row.stream_id,
        streamType: row.stream_type,
        streamVersion: row.stream_version,
        type: row.event_type,
        data: row.data,
        causationId: row.causation_id,
        transactionId: row.transaction_id,
      })),
      inbox: inbox.rows.map((row) => ({ consumer: row.consumer, eventId: row.event_id, outcome: row.outcome, detail: row.detail })),
    };
  } finally {
    await client.end();
  }
}
