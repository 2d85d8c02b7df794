import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the app's consumers parked, as the app itself wrote it: one row per copy put on the
 * dead-letter stream, keyed by the digest of that copy (its subject, headers and body). A replay
 * runs only an entry whose digest is here: anything else on a dead-letter subject was published
 * by someone else, and is never run through a handler.
 */
export class CreateMsgDeadLetters1700000000250 implements MigrationInterface {
  name = 'CreateMsgDeadLetters1700000000250';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE msg_dead_letters (
        digest text PRIMARY KEY,
        consumer text NOT NULL,
        event_id uuid,
        parked_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE msg_dead_letters`);
  }
}
