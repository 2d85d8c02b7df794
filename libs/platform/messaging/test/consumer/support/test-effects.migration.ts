import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the test handlers write: one row per handler run that committed. Deliberately no unique
 * constraint on event_id, so a duplicate effect would show up as a second row.
 */
export class CreateTestEffects1700000009000 implements MigrationInterface {
  name = 'CreateTestEffects1700000009000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE test_effects (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        event_id uuid NOT NULL,
        aggregate_id text NOT NULL,
        n integer NOT NULL,
        handler text NOT NULL,
        attempt integer NOT NULL,
        replay boolean NOT NULL,
        started_ms double precision NOT NULL,
        finished_ms double precision NOT NULL,
        committed_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE test_effects`);
  }
}
