import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CommitNotifier } from './commit-notifier';
import { ConcurrencyError, PartialDuplicateAppendError } from './errors';
import { afterCommit, currentManager, inTransaction } from './unit-of-work';
import { UpcasterChain } from './upcasting';
import {
  AppendResult,
  EventMetadata,
  ExpectedVersion,
  GlobalPosition,
  NewEvent,
  Snapshot,
  StoredEvent,
  Upcaster,
} from './types';

export interface EventStoreOptions {
  readonly upcasters?: readonly Upcaster[];
}

interface EventRow {
  transaction_id: string;
  sequence: string;
  event_id: string;
  stream_id: string;
  stream_type: string;
  stream_version: number;
  event_type: string;
  schema_version: number;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  recorded_at: Date;
}

// Positions leave as text (xid8 and bigint exceed 2^53). ORDER BY must name the table's columns,
// not these text aliases, or positions would sort as strings.
const EVENT_COLUMNS = `transaction_id::text AS transaction_id, sequence::text AS sequence, event_id, stream_id,
  stream_type, stream_version, event_type, schema_version, data, metadata, recorded_at`;

/**
 * Append-only event store in the context's own PostgreSQL database. Appends join the ambient
 * transaction (runInTransaction) when there is one, otherwise each append is one atomic statement.
 */
export class EventStore {
  private readonly upcasters: UpcasterChain;
  private readonly notifier: CommitNotifier;

  constructor(
    private readonly dataSource: DataSource,
    options: EventStoreOptions = {},
  ) {
    this.upcasters = new UpcasterChain(options.upcasters);
    this.notifier = new CommitNotifier(dataSource);
  }

  async append(
    streamId: string,
    streamType: string,
    events: readonly NewEvent[],
    expected: ExpectedVersion,
    metadata: EventMetadata,
  ): Promise<AppendResult> {
    if (events.length === 0) throw new Error('append needs at least one event');
    const ids = events.map((e) => e.eventId ?? randomUUID());
    const params = [
      streamId,
      streamType,
      expected === 'any' ? -1 : expected,
      ids,
      events.map((e) => e.type),
      events.map((e) => this.upcasters.currentVersion(e.type)),
      events.map((e) => JSON.stringify(e.data)),
      JSON.stringify(metadata),
    ];
    let row: { outcome: string; stream_version: number | null };
    try {
      [row] = await currentManager(this.dataSource).query(
        'SELECT outcome, stream_version FROM es_append($1, $2, $3, $4::uuid[], $5::text[], $6::integer[], $7::jsonb[], $8::jsonb)',
        params,
      );
    } catch (error) {
      // A concurrent append stored the same event ids first: outside a transaction that is
      // the idempotent case; inside one the transaction is aborted and the caller retries.
      if (isUniqueViolation(error, 'es_events_event_id_key') && !inTransaction(this.dataSource)) {
        return this.append(streamId, streamType, events.map((e, i) => ({ ...e, eventId: ids[i] })), expected, metadata);
      }
      throw error;
    }
    switch (row.outcome) {
      case 'appended':
        afterCommit(this.dataSource, () => this.notifier.notify());
        return { streamVersion: row.stream_version as number, appended: true };
      case 'duplicate':
        return { streamVersion: row.stream_version ?? 0, appended: false };
      case 'partial-duplicate':
        throw new PartialDuplicateAppendError(streamId);
      case 'conflict':
        throw new ConcurrencyError(streamId, expected, row.stream_version);
      default:
        throw new Error(`Unexpected append outcome ${row.outcome}`);
    }
  }

  async readStream(streamId: string, options: { fromVersion?: number } = {}): Promise<StoredEvent[]> {
    const rows: EventRow[] = await currentManager(this.dataSource).query(
      `SELECT ${EVENT_COLUMNS} FROM es_events WHERE stream_id = $1 AND stream_version > $2 ORDER BY stream_version`,
      [streamId, options.fromVersion ?? 0],
    );
    return rows.map((r) => this.toStoredEvent(r));
  }

  /**
   * Events in the global order, after `after`. Only transactions below the oldest one still in
   * flight are read, so an event that commits later can never appear behind a position that a
   * reader has already passed: the order has no gaps to skip.
   */
  async readAll(options: { after?: GlobalPosition; limit: number }): Promise<StoredEvent[]> {
    const { after, limit } = options;
    const rows: EventRow[] = after
      ? await this.dataSource.query(
          `SELECT ${EVENT_COLUMNS} FROM es_events
           WHERE transaction_id < pg_snapshot_xmin(pg_current_snapshot())
             AND (transaction_id, sequence) > ($1::text::xid8, $2::bigint)
           ORDER BY es_events.transaction_id, es_events.sequence LIMIT $3`,
          [after.transactionId, after.sequence, limit],
        )
      : await this.dataSource.query(
          `SELECT ${EVENT_COLUMNS} FROM es_events
           WHERE transaction_id < pg_snapshot_xmin(pg_current_snapshot())
           ORDER BY es_events.transaction_id, es_events.sequence LIMIT $1`,
          [limit],
        );
    return rows.map((r) => this.toStoredEvent(r));
  }

  async loadSnapshot<S>(streamId: string): Promise<Snapshot<S> | null> {
    const [row] = await currentManager(this.dataSource).query(
      'SELECT stream_version, schema_version, state FROM es_snapshots WHERE stream_id = $1',
      [streamId],
    );
    return row
      ? { streamId, streamVersion: row.stream_version, schemaVersion: row.schema_version, state: row.state as S }
      : null;
  }

  async saveSnapshot<S>(snapshot: Snapshot<S>): Promise<void> {
    await currentManager(this.dataSource).query(
      `INSERT INTO es_snapshots (stream_id, stream_version, schema_version, state) VALUES ($1, $2, $3, $4)
       ON CONFLICT (stream_id) DO UPDATE SET stream_version = EXCLUDED.stream_version,
         schema_version = EXCLUDED.schema_version, state = EXCLUDED.state, taken_at = now()
       WHERE es_snapshots.stream_version < EXCLUDED.stream_version`,
      [snapshot.streamId, snapshot.streamVersion, snapshot.schemaVersion, JSON.stringify(snapshot.state)],
    );
  }

  private toStoredEvent(row: EventRow): StoredEvent {
    const { schemaVersion, data } = this.upcasters.upcast(row.event_type, row.schema_version, row.data);
    return {
      eventId: row.event_id,
      streamId: row.stream_id,
      streamType: row.stream_type,
      streamVersion: row.stream_version,
      type: row.event_type,
      schemaVersion,
      data,
      metadata: row.metadata,
      position: { transactionId: row.transaction_id, sequence: row.sequence },
      recordedAt: row.recorded_at,
    };
  }
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const pg = e?.driverError ?? e;
  return pg?.code === '23505' && pg?.constraint === constraint;
}
