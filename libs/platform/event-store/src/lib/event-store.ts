import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CommitNotifier, commitPageReaderOf } from './commit-notifier';
import { ConcurrencyError, PartialDuplicateAppendError } from './errors';
import { Sql } from './sql';
import * as statements from './statements';
import { afterCommit, appendsAtCommit, currentManager, flushWritesAtCommit, inTransaction, readAfterCommit, readAlong, transactionMemo, transactionPending, writeAtCommit } from './unit-of-work';
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

type SnapshotRow<S> = EventRow & { snapshot_version: number | null; snapshot_state: S | null };

/** A stream as read for a command: its latest usable snapshot (if any) and the events after it. */
export interface StreamRead<S> {
  readonly snapshot: Snapshot<S> | null;
  readonly events: StoredEvent[];
}

export interface AppendOptions {
  /** The caller must know now whether the events were stored: never sent with the COMMIT (see append). */
  readonly answerNow?: boolean;
  /** false: events never published (a saga's own), so their commit need not wake the relay. Default true. */
  readonly wakeRelay?: boolean;
}

/**
 * Per transaction: streams to read ahead (readAhead) whose read has not come back, and those
 * read, until a command reads them or the transaction appends to them (an append drops both: a
 * read sent later could still miss an append waiting for the COMMIT).
 */
interface ReadsAhead {
  readonly pending: Map<string, symbol>;
  readonly answers: Map<string, { readonly snapshotSchemaVersion: number | null; readonly read: StreamRead<unknown> }>;
}
const READS_AHEAD = Symbol('brigade.event-store.readsAhead');

/** Appends expecting 'any' version retry this often when a concurrent append takes their version. */
const ANY_VERSION_ATTEMPTS = 10;

/**
 * Append-only event store in the context's own PostgreSQL database. Appends join the ambient
 * transaction (runInTransaction) when there is one, otherwise each append is one atomic statement.
 */
export class EventStore {
  private readonly upcasters: UpcasterChain;
  /** Streams whose creation at version 0, sent with a COMMIT, was refused: they exist (see refusedAsNew). */
  private readonly existingStreams = new Set<string>();
  private readonly notifier: CommitNotifier;
  private readonly sql: Sql;

  constructor(
    readonly dataSource: DataSource,
    options: EventStoreOptions = {},
  ) {
    this.upcasters = new UpcasterChain(options.upcasters);
    this.notifier = new CommitNotifier(dataSource);
    this.sql = new Sql(dataSource);
  }

  /**
   * Appends `events` after version `expected` (or at the end: 'any'). Answers the stream's new
   * version, or `appended: true` with the stored version when every event id was already stored
   * (a no-op); throws a ConcurrencyError when the stream is elsewhere. In a transaction whose
   * owner allows it (TransactionOptions.appendsAtCommit), an append at a known version with
   * generated ids goes with the COMMIT instead (appendWithCommit), unless `answerNow`: the
   * caller needs to know now whether it was stored (CommandRunner's newStream guess).
   */
  async append(
    streamId: string,
    streamType: string,
    events: readonly NewEvent[],
    expected: ExpectedVersion,
    metadata: EventMetadata,
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    if (events.length === 0) throw new Error('append needs at least one event');
    this.forgetReadAhead(streamId); // read (or to be read) before this append: not the stream any more
    // Generated ids only: an append repeating stored ids must answer a no-op, which only a read can tell.
    const atCommit = !options.answerNow && expected !== 'any' && events.every((e) => e.eventId === undefined);
    if (atCommit && appendsAtCommit(this.dataSource)) {
      return this.appendWithCommit(streamId, streamType, events, expected, metadata, options.wakeRelay !== false);
    }
    const ids = events.map((e) => e.eventId ?? randomUUID());
    const { statement, values } = this.appendStatement(streamId, streamType, events, ids, expected, metadata);
    for (let attempt = 1; ; attempt++) {
      let inserted: Array<{ event_id: string; stream_version: number }>;
      try {
        inserted = await this.sql.query(statement, values);
      } catch (error) {
        // Only a raising statement (outside a transaction, so atomic) gets here.
        if (!isUniqueViolation(error)) throw error;
        inserted = []; // a concurrent append stored our version (or our event ids) first
      }
      if (inserted.length === events.length) {
        if (options.wakeRelay !== false) this.wakeRelayAfterCommit();
        return { streamVersion: inserted[inserted.length - 1].stream_version, appended: true };
      }
      if (inserted.length > 0) await this.sql.query(statements.deleteOwnEvents, [inserted.map((row) => row.event_id)]);
      const refusal = await this.explainRefusal(streamId, ids, expected);
      if ('appended' in refusal) return refusal;
      if (expected !== 'any' || refusal.reason !== 'version' || attempt >= ANY_VERSION_ATTEMPTS) throw refusal;
    }
  }

  /**
   * The append in a transaction whose owner retries it whole on a ConcurrencyError (the message
   * consumer: TransactionOptions.appendsAtCommit): queued to go out with the COMMIT, in its round
   * trip, and answered at once with the version it will have. A conflict (the version taken, the
   * xid guard, see statements.appendAtCommit) then fails the COMMIT with a ConcurrencyError, and
   * nothing of the transaction stays. A read of the stream later in the transaction sends it
   * first (flushWritesAtCommit), so the transaction still reads its own writes.
   */
  private appendWithCommit(streamId: string, streamType: string, events: readonly NewEvent[], expected: number, metadata: EventMetadata, wakeRelay: boolean): AppendResult {
    const values = [
      streamId,
      streamType,
      expected,
      events.map(() => randomUUID()),
      events.map((e) => e.type),
      events.map((e) => this.upcasters.currentVersion(e.type)),
      events.map((e) => JSON.stringify(e.data)),
      JSON.stringify(metadata),
    ];
    writeAtCommit(this.dataSource, {
      ...statements.appendAtCommit,
      values,
      key: streamKey(streamId),
      failure: (error) => {
        if (!isRefusedAppend(error, streamId)) return null;
        if (expected === 0) this.rememberExisting(streamId);
        return new ConcurrencyError(streamId, expected, null);
      },
    });
    if (wakeRelay) this.wakeRelayAfterCommit();
    return { streamVersion: expected + events.length, appended: true };
  }

  /**
   * Fails the ambient transaction's COMMIT with a ConcurrencyError if another transaction appended
   * to the stream after `version` (checked in the COMMIT's round trip, so it costs none of its
   * own): for a decision taken on a state the process remembers, without reading the stream. Only
   * in a transaction whose owner retries it whole (TransactionOptions.appendsAtCommit).
   */
  expectVersionAtCommit(streamId: string, version: number): void {
    writeAtCommit(this.dataSource, {
      ...statements.expectVersionAtCommit,
      values: [streamId, version],
      key: streamKey(streamId),
      failure: (error) => (isRefusedAppend(error, streamId) ? new ConcurrencyError(streamId, version, null) : null),
    });
  }

  /**
   * Whether a creation of the stream at version 0 sent with a COMMIT was refused in this process:
   * the stream exists, and a guess that it is new (CommandRunner's newStream) would only fail again.
   */
  refusedAsNew(streamId: string): boolean {
    return this.existingStreams.has(streamId);
  }

  /** Bounded: a refused guess is rare (a second announcement of one aggregate), and forgetting one costs only a retry. */
  private rememberExisting(streamId: string): void {
    if (this.existingStreams.size >= 10_000) this.existingStreams.clear();
    this.existingStreams.add(streamId);
  }

  private wakeRelayAfterCommit(): void {
    this.offerPageAfterCommit();
    afterCommit(this.dataSource, () => this.notifier.notify());
  }

  async readStream(streamId: string, options: { fromVersion?: number } = {}): Promise<StoredEvent[]> {
    await flushWritesAtCommit(this.dataSource, streamKey(streamId));
    const rows = await this.sql.query<EventRow>(statements.readStream, [streamId, options.fromVersion ?? 0]);
    return rows.map((r) => this.toStoredEvent(r));
  }

  /**
   * The stream's latest snapshot of format `snapshotSchemaVersion` (null if none) and the events
   * after it (all of them without one), in one round trip.
   */
  async readStreamFromSnapshot<S>(streamId: string, snapshotSchemaVersion: number): Promise<StreamRead<S>> {
    await flushWritesAtCommit(this.dataSource, streamKey(streamId));
    return this.fromSnapshotRows(streamId, snapshotSchemaVersion, await this.sql.query<SnapshotRow<S>>(statements.readStreamFromSnapshot, [streamId, snapshotSchemaVersion]));
  }

  /**
   * The stream as a command needs it: from its latest snapshot of `snapshotSchemaVersion` (every
   * event with null), after taking the stream's lock when `lock` (see lockStream). Inside a
   * transaction, whatever must go first (START TRANSACTION while still pending, the lock) goes in
   * the same pipeline as the read, prepared statements with their parameters: one round trip. In
   * READ COMMITTED each statement takes its own snapshot when it starts, so the read sees
   * everything the lock's earlier holders committed.
   */
  async readForCommand<S>(streamId: string, snapshotSchemaVersion: number | null, options: { lock: boolean }): Promise<StreamRead<S>> {
    await flushWritesAtCommit(this.dataSource, streamKey(streamId));
    const ahead = this.readsAhead();
    const answered = ahead?.answers.get(streamId);
    if (answered) {
      ahead?.answers.delete(streamId); // one use; a read with the lock reads again after taking it
      if (!options.lock && answered.snapshotSchemaVersion === snapshotSchemaVersion) return answered.read as StreamRead<S>;
    }
    const read = readStatement(streamId, snapshotSchemaVersion);
    if (!inTransaction(this.dataSource) || !(options.lock || transactionPending(this.dataSource))) {
      if (options.lock) await this.lockStream(streamId);
      return this.streamReadOf<S>(streamId, snapshotSchemaVersion, await this.sql.query(read.statement, read.values));
    }
    const lock = options.lock ? [{ statement: statements.lockStream, values: [streamId] }] : [];
    const results = await this.sql.inOneRoundTrip([...lock, read]);
    return this.streamReadOf<S>(streamId, snapshotSchemaVersion, results[lock.length].rows);
  }

  /**
   * Reads `streamId` for a command in the transaction's next pipelined round trip (its first
   * statement's, with START TRANSACTION, or a command's lock and read: readAlong), where it costs
   * no round trip of its own; a later readForCommand of it in the transaction takes that answer,
   * unless the transaction appended to it in between. For a stream the transaction will or may
   * need (the order a saga's verdict may decide, the ticket an order creates). Outside a
   * transaction, nothing.
   */
  readAhead(streamId: string, snapshotSchemaVersion: number | null): void {
    const ahead = this.readsAhead();
    if (!ahead) return;
    const token = Symbol(streamId);
    ahead.pending.set(streamId, token);
    const { statement, values } = readStatement(streamId, snapshotSchemaVersion);
    readAlong(this.dataSource, {
      statement: { ...statement, values },
      receive: (result) => {
        if (ahead.pending.get(streamId) !== token) return; // appended to (or read ahead again) since
        ahead.pending.delete(streamId);
        if (result) ahead.answers.set(streamId, { snapshotSchemaVersion, read: this.streamReadOf(streamId, snapshotSchemaVersion, result.rows) });
      },
    });
  }

  private readsAhead(): ReadsAhead | null {
    return transactionMemo<ReadsAhead>(this.dataSource, READS_AHEAD, () => ({ pending: new Map(), answers: new Map() }));
  }

  private forgetReadAhead(streamId: string): void {
    const ahead = this.readsAhead();
    ahead?.pending.delete(streamId);
    ahead?.answers.delete(streamId);
  }

  private streamReadOf<S>(streamId: string, snapshotSchemaVersion: number | null, rows: unknown[]): StreamRead<S> {
    if (snapshotSchemaVersion === null) return { snapshot: null, events: (rows as EventRow[]).map((r) => this.toStoredEvent(r)) };
    return this.fromSnapshotRows(streamId, snapshotSchemaVersion, rows as Array<SnapshotRow<S>>);
  }

  /**
   * Events in the global order, after `after`. Only transactions below the readable horizon
   * (the oldest transaction of this database still in flight) are read, so an event that commits
   * later can never appear behind a position that a reader has already passed: the order has no
   * gaps to skip.
   */
  async readAll(options: { after?: GlobalPosition; limit: number }): Promise<StoredEvent[]> {
    return (await this.readPage(options)).events;
  }

  /**
   * readAll, and whether events are stored beyond what it returned but held back behind a
   * transaction still in flight: a reader with `heldBack` should look again soon, one without it
   * (and a short page) has read everything committed, so only a new commit can bring more.
   */
  async readPage(options: { after?: GlobalPosition; limit: number }): Promise<{ events: StoredEvent[]; heldBack: boolean }> {
    const { statement, values } = readPageStatement(options.after, options.limit);
    return this.pageFromRows(await this.sql.queryOutsideTransaction<PageRow>(statement, values));
  }

  /** A page as readPage answers it, from the rows of its statement (a page read after a COMMIT for a relay, see onCommitPage). */
  pageFromRows(rows: unknown[]): { events: StoredEvent[]; heldBack: boolean } {
    const pageRows = rows as PageRow[];
    const events = pageRows.filter((r) => r.readable).map((r) => this.toStoredEvent(r));
    return { events, heldBack: events.length < pageRows.length };
  }

  /**
   * After an append that wakes the relay: when a relay of this store's database runs in this
   * process and waits for a commit, the page this commit makes readable is read right after the
   * COMMIT, in its round trip, and handed to it (onCommitPage); it then needs no read of its own.
   * Any page read from the relay's position is a correct one, whenever it is read.
   */
  private offerPageAfterCommit(): void {
    const reader = commitPageReaderOf(this.dataSource);
    if (!reader) return;
    let asked: { readonly after: GlobalPosition | undefined; readonly limit: number } | null = null;
    readAfterCommit(this.dataSource, {
      statement: () => {
        asked = reader.nextPage();
        if (!asked) return null;
        const { statement, values } = readPageStatement(asked.after, asked.limit);
        return { ...statement, values };
      },
      receive: (result) => reader.take(result && asked ? { after: asked.after, rows: result.rows } : null),
    });
  }

  /**
   * Makes other transactions that lock the same stream wait until this one ends. Only inside an
   * ambient transaction (a no-op outside one); take it before the transaction writes anything.
   */
  async lockStream(streamId: string): Promise<void> {
    if (!inTransaction(this.dataSource)) return;
    await this.sql.query(statements.lockStream, [streamId]);
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

  private appendStatement(
    streamId: string,
    streamType: string,
    events: readonly NewEvent[],
    ids: string[],
    expected: ExpectedVersion,
    metadata: EventMetadata,
  ): { statement: statements.Statement; values: unknown[] } {
    const version = expected === 'any' ? 0 : expected;
    if (events.length === 1 && expected !== 'any') {
      const [event] = events;
      const fields = [ids[0], event.type, this.upcasters.currentVersion(event.type), JSON.stringify(event.data)];
      return { statement: statements.appendOneAtVersion, values: [streamId, streamType, version, ...fields, JSON.stringify(metadata)] };
    }
    const forms = expected === 'any' ? statements.appendAtEnd : statements.appendAtVersion;
    return {
      // Inside a transaction a collision must not fail the transaction: no savepoint needed.
      statement: inTransaction(this.dataSource) ? forms.quiet : forms.raising,
      values: [
        streamId,
        streamType,
        version,
        ids,
        events.map((e) => e.type),
        events.map((e) => this.upcasters.currentVersion(e.type)),
        events.map((e) => JSON.stringify(e.data)),
        JSON.stringify(metadata),
      ],
    };
  }

  /** Why nothing was appended: the events were already stored (a no-op), or a ConcurrencyError. */
  private async explainRefusal(
    streamId: string,
    ids: string[],
    expected: ExpectedVersion,
  ): Promise<AppendResult | ConcurrencyError> {
    const [{ stored }] = await this.sql.query<{ stored: number }>(statements.storedEventIds, [ids]);
    const [head] = await this.sql.query<{ stream_version: number; writable: boolean }>(statements.streamHead, [streamId]);
    const version = head?.stream_version ?? 0;
    if (stored === ids.length) return { streamVersion: version, appended: false };
    if (stored > 0) throw new PartialDuplicateAppendError(streamId);
    const reason = head && !head.writable && (expected === 'any' || expected === version) ? 'transaction-order' : 'version';
    return new ConcurrencyError(streamId, expected, version, reason);
  }

  private fromSnapshotRows<S>(streamId: string, schemaVersion: number, rows: ReadonlyArray<SnapshotRow<S>>): StreamRead<S> {
    const [first] = rows;
    const snapshot = first?.snapshot_version != null ? { streamId, streamVersion: first.snapshot_version, schemaVersion, state: first.snapshot_state as S } : null;
    return { snapshot, events: rows.filter((r) => r.event_id !== null).map((r) => this.toStoredEvent(r)) };
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

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string })?.code === '23505';
}

/** The key of a stream's appends waiting for the COMMIT (flushWritesAtCommit). */
function streamKey(streamId: string): string {
  return `es_events:${streamId}`;
}

/** A COMMIT failed because the append to `streamId` sent with it was refused: its version taken, or es_expect_appended. */
function isRefusedAppend(error: unknown, streamId: string): boolean {
  const { code, hint, constraint, detail } = (error ?? {}) as { code?: string; hint?: string; constraint?: string; detail?: string };
  if (code === statements.APPEND_REFUSED) return hint === streamId;
  // Key (stream_id, stream_version)=(<stream id>, <version>) already exists.
  return code === '23505' && constraint === 'es_events_stream_version_key' && detail?.startsWith(`Key (stream_id, stream_version)=(${streamId}, `) === true;
}

/** The statement reading a stream for a command: whole, or from its latest snapshot of that format. */
function readStatement(streamId: string, snapshotSchemaVersion: number | null): { statement: statements.Statement; values: unknown[] } {
  return snapshotSchemaVersion === null
    ? { statement: statements.readStream, values: [streamId, 0] }
    : { statement: statements.readStreamFromSnapshot, values: [streamId, snapshotSchemaVersion] };
}

type PageRow = EventRow & { readable: boolean };

/** The statement reading a page of the global order after `after` (from the start without one). */
function readPageStatement(after: GlobalPosition | undefined, limit: number): { statement: statements.Statement; values: unknown[] } {
  return after
    ? { statement: statements.readPageAfter(limit), values: [after.transactionId, after.sequence] }
    : { statement: statements.readPageFromStart(limit), values: [] };
}
