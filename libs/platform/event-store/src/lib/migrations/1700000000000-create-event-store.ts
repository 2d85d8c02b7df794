import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The event store schema.
 *
 * Global order: (transaction_id, sequence). transaction_id is the writer's xid8, so a reader
 * that only reads below the oldest in-flight transaction (pg_snapshot_xmin) can never see a
 * later-committing transaction's event appear behind a position it has already passed.
 *
 * Optimistic concurrency needs no separate streams table: the unique (stream_id, stream_version)
 * index lets exactly one of two concurrent appends at the same version commit.
 */
export class CreateEventStore1700000000000 implements MigrationInterface {
  name = 'CreateEventStore1700000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE es_events (
        transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        sequence bigint GENERATED ALWAYS AS IDENTITY,
        event_id uuid NOT NULL,
        stream_id text NOT NULL,
        stream_type text NOT NULL,
        stream_version integer NOT NULL CHECK (stream_version > 0),
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
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE es_snapshots');
    await q.query('DROP TABLE es_events');
  }
}
