import { MigrationInterface, QueryRunner } from 'typeorm';

/** One row per relay: the last global position it has handled (published or skipped as internal). */
export class CreateRelayCheckpoints1700000000100 implements MigrationInterface {
  name = 'CreateRelayCheckpoints1700000000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE msg_relay_checkpoints (
        relay_name text PRIMARY KEY,
        transaction_id xid8 NOT NULL,
        sequence bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE msg_relay_checkpoints');
  }
}
