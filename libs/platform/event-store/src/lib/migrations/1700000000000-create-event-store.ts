import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The event store schema.
 *
 * Global order: (transaction_id, sequence). transaction_id is the writer's xid8, so a reader
 * that only reads below the oldest in-flight transaction (pg_snapshot_xmin) can never see a
 * later-committing transaction's event appear behind a position it has already passed.
 *
 * es_append() does the whole append in one round trip: idempotency by event id, the expected
 * version check (optimistic concurrency), and a guard that a stream's events are written by
 * transactions in increasing xid order, so the global order never contradicts a stream's order.
 */
export class CreateEventStore1700000000000 implements MigrationInterface {
  name = 'CreateEventStore1700000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE es_streams (
        stream_id text PRIMARY KEY,
        stream_type text NOT NULL,
        version integer NOT NULL CHECK (version > 0),
        last_transaction_id xid8 NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE es_events (
        transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        sequence bigint GENERATED ALWAYS AS IDENTITY,
        event_id uuid NOT NULL,
        stream_id text NOT NULL,
        stream_type text NOT NULL,
        stream_version integer NOT NULL,
        event_type text NOT NULL,
        schema_version integer NOT NULL,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT es_events_pkey PRIMARY KEY (transaction_id, sequence),
        CONSTRAINT es_events_event_id_key UNIQUE (event_id),
        CONSTRAINT es_events_stream_version_key UNIQUE (stream_id, stream_version)
      )`);
    await q.query(`
      CREATE TABLE es_snapshots (
        stream_id text PRIMARY KEY,
        stream_version integer NOT NULL,
        schema_version integer NOT NULL,
        state jsonb NOT NULL,
        taken_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE FUNCTION es_append(
        p_stream_id text,
        p_stream_type text,
        p_expected_version integer, -- exact version (0: new stream), or -1: any
        p_event_ids uuid[],
        p_event_types text[],
        p_schema_versions integer[],
        p_data jsonb[],
        p_metadata jsonb
      ) RETURNS TABLE (outcome text, stream_version integer)
      LANGUAGE plpgsql AS $$
      DECLARE
        v_count integer := cardinality(p_event_ids);
        v_existing integer;
        v_version integer;
        v_xid xid8 := pg_current_xact_id();
      BEGIN
        SELECT count(*) INTO v_existing FROM es_events WHERE event_id = ANY (p_event_ids);
        IF v_existing > 0 THEN
          RETURN QUERY SELECT CASE WHEN v_existing = v_count THEN 'duplicate' ELSE 'partial-duplicate' END,
            (SELECT s.version FROM es_streams s WHERE s.stream_id = p_stream_id);
          RETURN;
        END IF;

        IF p_expected_version = 0 THEN
          INSERT INTO es_streams (stream_id, stream_type, version, last_transaction_id)
          VALUES (p_stream_id, p_stream_type, v_count, v_xid)
          ON CONFLICT (stream_id) DO NOTHING
          RETURNING version INTO v_version;
        ELSIF p_expected_version > 0 THEN
          UPDATE es_streams s
          SET version = s.version + v_count, last_transaction_id = v_xid, updated_at = now()
          WHERE s.stream_id = p_stream_id AND s.version = p_expected_version AND s.last_transaction_id <= v_xid
          RETURNING s.version INTO v_version;
        ELSE
          INSERT INTO es_streams AS s (stream_id, stream_type, version, last_transaction_id)
          VALUES (p_stream_id, p_stream_type, v_count, v_xid)
          ON CONFLICT (stream_id) DO UPDATE
            SET version = s.version + v_count, last_transaction_id = v_xid, updated_at = now()
            WHERE s.last_transaction_id <= v_xid
          RETURNING s.version INTO v_version;
        END IF;

        IF v_version IS NULL THEN
          -- While this append waited for the stream's row lock, the same events may have committed.
          SELECT count(*) INTO v_existing FROM es_events WHERE event_id = ANY (p_event_ids);
          RETURN QUERY SELECT CASE WHEN v_existing = v_count THEN 'duplicate' ELSE 'conflict' END,
            (SELECT s.version FROM es_streams s WHERE s.stream_id = p_stream_id);
          RETURN;
        END IF;

        INSERT INTO es_events (event_id, stream_id, stream_type, stream_version, event_type, schema_version, data, metadata)
        SELECT e.id, p_stream_id, p_stream_type, v_version - v_count + e.ord::integer, e.type, e.sv, e.data, p_metadata
        FROM unnest(p_event_ids, p_event_types, p_schema_versions, p_data) WITH ORDINALITY AS e(id, type, sv, data, ord)
        ORDER BY e.ord;

        RETURN QUERY SELECT 'appended', v_version;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP FUNCTION es_append');
    await q.query('DROP TABLE es_snapshots');
    await q.query('DROP TABLE es_events');
    await q.query('DROP TABLE es_streams');
  }
}
