/**
 * The event store's SQL, as named statements: PostgreSQL parses and plans each once per
 * connection instead of on every append (planning the guard's sub-select on every call cost
 * about a third of append throughput).
 */
export interface Statement {
  readonly name: string;
  readonly text: string;
}

const INSERT = `INSERT INTO es_events (event_id, stream_id, stream_type, stream_version, event_type, schema_version, data, metadata)`;
const NEW_EVENTS = `unnest($4::uuid[], $5::text[], $6::integer[], $7::jsonb[]) WITH ORDINALITY AS e(id, type, sv, data, ord)`;

/**
 * A multi-event append comes in two forms. Raising: a collision fails the whole statement,
 * which is atomic on its own (used outside a transaction). Quiet: ON CONFLICT DO NOTHING, so a
 * collision costs no savepoint inside a transaction; but rows that did not collide still go in,
 * and the caller must delete such a partial append (deleteOwnEvents) before going on.
 */
export interface MultiAppend {
  readonly raising: Statement;
  readonly quiet: Statement;
}

function multiAppend(name: string, text: string): MultiAppend {
  return {
    raising: { name, text: `${text}\n    RETURNING event_id, stream_version` },
    quiet: { name: `${name}_quietly`, text: `${text}\n    ON CONFLICT DO NOTHING\n    RETURNING event_id, stream_version` },
  };
}

/**
 * Appends at versions $3+1.. when $3 is the stream's version. A stale $3 collides with the
 * unique (stream_id, stream_version) index; a $3 beyond the stream's end, or a stream last
 * written by a newer transaction, inserts nothing (the xid guard: a stream's versions must
 * ascend with their writers' xids, or the global order would contradict the stream's order).
 * $1 stream id, $2 stream type, $3 expected version, $4..$7 per-event arrays, $8 metadata.
 */
const APPEND_AT_VERSION = `${INSERT}
    SELECT e.id, $1, $2, $3 + e.ord::integer, e.type, e.sv, e.data, $8 FROM ${NEW_EVENTS}
    WHERE $3 = 0 OR EXISTS (
      SELECT 1 FROM es_events last
      WHERE last.stream_id = $1 AND last.stream_version = $3 AND last.transaction_id <= pg_current_xact_id())
    ORDER BY e.ord`;

export const appendAtVersion = multiAppend('brigade_es_append_at_version', APPEND_AT_VERSION);

/**
 * appendAtVersion for the common single event, without arrays: $4..$7 are the event's fields.
 * One row either goes in or not, so it is always quiet.
 */
export const appendOneAtVersion: Statement = {
  name: 'brigade_es_append_one_at_version',
  text: `${INSERT}
    SELECT $4, $1, $2, $3 + 1, $5, $6, $7, $8
    WHERE $3 = 0 OR EXISTS (
      SELECT 1 FROM es_events last
      WHERE last.stream_id = $1 AND last.stream_version = $3 AND last.transaction_id <= pg_current_xact_id())
    ON CONFLICT DO NOTHING
    RETURNING event_id, stream_version`,
};

/**
 * appendAtVersion as sent with the COMMIT (EventStore.append in a transaction whose owner allows
 * it): nobody reads its answer, so it must fail the transaction whenever it does not append every
 * event. A taken version fails on the unique index; a refusal by the xid guard, or a $3 beyond the
 * stream's end, inserts nothing, which es_expect_appended turns into an error (SQLSTATE ES409).
 * Prepared once per connection, like the others. $1..$8 as appendAtVersion.
 */
export const appendAtCommit: Statement = {
  name: 'brigade_es_append_at_commit',
  text: `WITH appended AS (
    ${APPEND_AT_VERSION}
    RETURNING 1)
  SELECT es_expect_appended($1, $3, cardinality($4::uuid[]), (SELECT count(*)::integer FROM appended))`,
};

/**
 * The check of a decision taken on a remembered state without reading its stream (CommandRunner.
 * loadForDecision): no other transaction appended after version $2. Sent with the COMMIT; a
 * refusal raises ES409 with the stream id as its HINT, as a refused append at commit does.
 */
export const expectVersionAtCommit: Statement = {
  name: 'brigade_es_expect_version_at_commit',
  text: `SELECT es_expect_appended($1, $2, 0, (SELECT count(*)::integer FROM es_events
    WHERE stream_id = $1 AND stream_version > $2 AND transaction_id <> pg_current_xact_id()))`,
};

/** SQLSTATE of es_expect_appended's refusal. */
export const APPEND_REFUSED = 'ES409';

/** Appends after whatever the stream holds ($3 is unused and passed as 0), same xid guard. */
export const appendAtEnd = multiAppend(
  'brigade_es_append_at_end',
  `WITH last AS (
      SELECT stream_version, transaction_id FROM es_events WHERE stream_id = $1
      ORDER BY stream_version DESC LIMIT 1)
    ${INSERT}
    SELECT e.id, $1, $2, coalesce((SELECT stream_version FROM last), $3) + e.ord::integer, e.type, e.sv, e.data, $8
    FROM ${NEW_EVENTS}
    WHERE coalesce((SELECT transaction_id FROM last), '0'::xid8) <= pg_current_xact_id()
    ORDER BY e.ord`,
);

/** Undoes a partial quiet append inside its own transaction (no one else can see those rows). */
export const deleteOwnEvents: Statement = {
  name: 'brigade_es_delete_own_events',
  text: 'DELETE FROM es_events WHERE event_id = ANY ($1::uuid[])',
};

/** Serialises the writers of one stream until their transactions end (see CommandRunnerOptions). */
export const lockStream: Statement = {
  name: 'brigade_es_lock_stream',
  text: `SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`,
};

export const storedEventIds: Statement = {
  name: 'brigade_es_stored_event_ids',
  text: 'SELECT count(*)::integer AS stored FROM es_events WHERE event_id = ANY ($1::uuid[])',
};

export const streamHead: Statement = {
  name: 'brigade_es_stream_head',
  text: `SELECT stream_version, transaction_id <= pg_current_xact_id() AS writable FROM es_events
    WHERE stream_id = $1 ORDER BY stream_version DESC LIMIT 1`,
};

// Positions leave as text (xid8 and bigint exceed 2^53). ORDER BY must name the table's columns,
// not these text aliases, or positions would sort as strings.
const EVENT_COLUMNS = `transaction_id::text AS transaction_id, sequence::text AS sequence, event_id, stream_id,
  stream_type, stream_version, event_type, schema_version, data, metadata, recorded_at`;

/**
 * A snapshot of the given format ($2) and the stream's events after it, in one round trip: one
 * row per event, each carrying the snapshot's columns (null without a usable snapshot), or a
 * single row of nulls when no event follows the snapshot.
 */
export const readStreamFromSnapshot: Statement = {
  name: 'brigade_es_read_stream_from_snapshot',
  text: `SELECT s.stream_version AS snapshot_version, s.state AS snapshot_state,
      e.transaction_id::text AS transaction_id, e.sequence::text AS sequence, e.event_id, e.stream_id, e.stream_type,
      e.stream_version, e.event_type, e.schema_version, e.data, e.metadata, e.recorded_at
    FROM (SELECT 1) AS one
    LEFT JOIN es_snapshots s ON s.stream_id = $1 AND s.schema_version = $2
    LEFT JOIN es_events e ON e.stream_id = $1 AND e.stream_version > COALESCE(s.stream_version, 0)
    ORDER BY e.stream_version`,
};

export const readStream: Statement = {
  name: 'brigade_es_read_stream',
  text: `SELECT ${EVENT_COLUMNS} FROM es_events WHERE stream_id = $1 AND stream_version > $2 ORDER BY es_events.stream_version`,
};

/**
 * The readable horizon: the oldest transaction in flight in this statement's snapshot that may
 * belong to THIS database; with none, the snapshot's xmax. Transaction ids are cluster-wide, so
 * the plain `pg_snapshot_xmin` would also wait for every other database's writers (five contexts
 * sharing one server held each other's relays back by milliseconds per hop). A transaction is
 * only skipped when pg_stat_activity shows it running in another database; one that ended in
 * between, or cannot be placed, still counts (it blocks one poll at most). A backend never
 * changes database, and `backend_xid` (the top-level xid, the one stored in `transaction_id`) is
 * readable by every role. pg_current_snapshot() is the statement's own snapshot, so rows below
 * the horizon that this statement cannot see can never commit later. The backends are read
 * from pg_stat_get_activity(), the function beneath the pg_stat_activity view: the view also
 * joins roles and databases this needs none of, which made planning the relay's every read
 * cost about 0.25 ms more.
 */
const READABLE_HORIZON = `(SELECT COALESCE(min(x), pg_snapshot_xmax(pg_current_snapshot()))
    FROM pg_snapshot_xip(pg_current_snapshot()) AS x
    WHERE (x::text::bigint % 4294967296) NOT IN (
      SELECT s.backend_xid::text::bigint FROM pg_stat_get_activity(NULL) AS s
      WHERE s.backend_xid IS NOT NULL AND s.datid <> (SELECT oid FROM pg_database WHERE datname = current_database())))`;

/**
 * A page of the global order after a position (see EventStore.readPage): the events below the
 * readable horizon, flagged `readable`, then at most one row at or past it, which only tells the
 * reader that more is stored but held back. One horizon for both halves (a materialised CTE).
 * $1/$2 the position (readPageAfter). Written so that one plan serves every execution:
 *  - the page size is part of the text and the position is read through a sub-select: with
 *    `LIMIT $1` and the position as plain parameters PostgreSQL planned the read afresh at every
 *    execution (a custom plan for those values looked cheaper than a generic one), 0.1–0.4 ms of
 *    a relay's every read; now it keeps a generic plan after five (`pg_prepared_statements`);
 *  - both halves bound their index scan by the horizon (a sub-select, not a join), and the
 *    held-back half starts at the horizon, not at the position: joined, its scan ran from the
 *    position to the end of the table, ~0.3 s per page for a reader 860,000 events behind.
 *    Nothing at or past the horizon can be at or before the position: a position was readable,
 *    so below the horizon it was read under, and the horizon never falls (GREATEST keeps that
 *    half past the position's transaction all the same).
 */
function readPage(name: string, position: { after: string; heldBackFrom: string } | null, limit: number): Statement {
  if (!Number.isSafeInteger(limit) || limit < 1) throw new Error(`A page size must be a positive integer, got ${limit}`);
  const after = position ? `AND ${position.after}` : '';
  return {
    name: `${name}_${limit}`,
    text: `WITH h AS MATERIALIZED (SELECT ${READABLE_HORIZON} AS horizon)
    (SELECT ${EVENT_COLUMNS}, true AS readable FROM es_events
      WHERE es_events.transaction_id < (SELECT horizon FROM h) ${after}
      ORDER BY es_events.transaction_id, es_events.sequence LIMIT ${limit})
    UNION ALL
    (SELECT ${EVENT_COLUMNS}, false AS readable FROM es_events
      WHERE es_events.transaction_id >= (SELECT ${position?.heldBackFrom ?? 'horizon'} FROM h)
      ORDER BY es_events.transaction_id, es_events.sequence LIMIT 1)`,
  };
}

const AFTER_POSITION = {
  after: '(es_events.transaction_id, es_events.sequence) > (SELECT $1::text::xid8, $2::bigint)',
  heldBackFrom: 'GREATEST(horizon, $1::text::xid8)',
};

const pageStatements = new Map<string, Statement>();

function pageStatement(name: string, position: typeof AFTER_POSITION | null, limit: number): Statement {
  const key = `${name}_${limit}`;
  let statement = pageStatements.get(key);
  if (!statement) pageStatements.set(key, (statement = readPage(name, position, limit)));
  return statement;
}

export const readPageFromStart = (limit: number): Statement => pageStatement('brigade_es_read_page_from_start', null, limit);
export const readPageAfter = (limit: number): Statement => pageStatement('brigade_es_read_page_after', AFTER_POSITION, limit);

export const notifyAppended: Statement = { name: 'brigade_es_notify', text: 'SELECT pg_notify($1, $2)' };
