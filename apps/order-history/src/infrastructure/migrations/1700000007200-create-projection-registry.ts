import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The projection registry: which version of each projection's tables is served (`active_version`),
 * which one a rebuild is filling (`building_version`, written by the live consumers too while it
 * exists), and the one retired by the last switch (kept, unread, until the next rebuild drops it).
 * Every projection starts at version 1, the tables the first migration created.
 */
export class CreateProjectionRegistry1700000007200 implements MigrationInterface {
  name = 'CreateProjectionRegistry1700000007200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE oh_projections (
        name text PRIMARY KEY,
        active_version integer NOT NULL,
        building_version integer,
        retired_version integer,
        state text NOT NULL DEFAULT 'serving' CHECK (state IN ('serving', 'building', 'failed')),
        rebuild_id uuid,
        started_at timestamptz,
        switched_at timestamptz,
        replayed_events bigint,
        total_events bigint,
        failure text
      )`);
    await q.query(`INSERT INTO oh_projections (name, active_version) VALUES ('order-view', 1), ('restaurant-directory', 1), ('consumer-directory', 1)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE oh_projections`);
  }
}
