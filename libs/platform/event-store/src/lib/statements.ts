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
 * Appends at versions $3+1.. when $3 is the stream's version. A stale $3 collides with the
 * unique (stream_id, stream_version) index; a $3 beyond the stream's end, or a stream last
 * written by a newer transaction, inserts nothing (the xid guard: a stream's versions must
 * ascend with their writers' xids, or the global order would contradict the stream's order).
 * $1 stream id, $2 stream type, $3 expected version, $4..$7 per-event arrays, $8 metadata.
 */
export const appendAtVersion: Statement = {
  name: 'brigade_es_append_at_version',
  text: `${INSERT}
    SELECT e.id, $1, $2, $3 + e.ord::integer, e.type, e.sv, e.data, $8 FROM ${NEW_EVENTS}
    WHERE $3 = 0 OR EXISTS (
      SELECT 1 FROM es_events last
      WHERE last.stream_id = $1 AND last.stream_version = $3 AND last.transaction_id <= pg_current_xact_id())
    ORDER BY e.ord
    RETURNING stream_version`,
};

/** appendAtVersion for the common single event, without arrays: $4..$7 are the event's fields. */
export const appendOneAtVersion: Statement = {
  name: 'brigade_es_append_one_at_version',
  text: `${INSERT}
    SELECT $4, $1, $2, $3 + 1, $5, $6, $7, $8
    WHERE $3 = 0 OR EXISTS (
      SELECT 1 FROM es_events last
      WHERE last.stream_id = $1 AND last.stream_version = $3 AND last.transaction_id <= pg_current_xact_id())
    RETURNING stream_version`,
};

/** Appends after whatever the stream holds ($3 is unused and passed as 0), same xid guard. */
export const appendAtEnd: Statement = {
  name: 'brigade_es_append_at_end',
  text: `WITH last AS (
      SELECT stream_version, transaction_id FROM es_events WHERE stream_id = $1
      ORDER BY stream_version DESC LIMIT 1)
    ${INSERT}
    SELECT e.id, $1, $2, coalesce((SELECT stream_version FROM last), $3) + e.ord::integer, e.type, e.sv, e.data, $8
    FROM ${NEW_EVENTS}
    WHERE coalesce((SELECT transaction_id FROM last), '0'::xid8) <= pg_current_xact_id()
    ORDER BY e.ord
    RETURNING stream_version`,
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

export const readStream: Statement = {
  name: 'brigade_es_read_stream',
  text: `SELECT ${EVENT_COLUMNS} FROM es_events WHERE stream_id = $1 AND stream_version > $2 ORDER BY es_events.stream_version`,
};

/** Only below the oldest transaction in flight: see EventStore.readAll. */
export const readAllFromStart: Statement = {
  name: 'brigade_es_read_all_from_start',
  text: `SELECT ${EVENT_COLUMNS} FROM es_events
    WHERE transaction_id < pg_snapshot_xmin(pg_current_snapshot())
    ORDER BY es_events.transaction_id, es_events.sequence LIMIT $1`,
};

export const readAllAfter: Statement = {
  name: 'brigade_es_read_all_after',
  text: `SELECT ${EVENT_COLUMNS} FROM es_events
    WHERE transaction_id < pg_snapshot_xmin(pg_current_snapshot())
      AND (transaction_id, sequence) > ($1::text::xid8, $2::bigint)
    ORDER BY es_events.transaction_id, es_events.sequence LIMIT $3`,
};

export const notifyAppended: Statement = { name: 'brigade_es_notify', text: 'SELECT pg_notify($1, $2)' };
