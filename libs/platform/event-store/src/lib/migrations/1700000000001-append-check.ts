import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * es_expect_appended: the check an append sent with the COMMIT makes of itself (see
 * statements.appendAtCommit). An append refused by the xid guard, or expecting a version the
 * stream has not reached, inserts nothing without an error; sent with the COMMIT, nobody would
 * look at its answer, so it must fail the transaction instead: SQLSTATE ES409, the stream id as
 * the HINT (the event store turns it into a ConcurrencyError).
 */
export class AppendCheck1700000000001 implements MigrationInterface {
  name = 'AppendCheck1700000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION es_expect_appended(stream text, expected_version integer, events integer, appended integer)
      RETURNS integer LANGUAGE plpgsql AS $$
      BEGIN
        IF appended <> events THEN
          RAISE EXCEPTION 'append to % after version % refused: the stream is elsewhere, or written by a newer transaction', stream, expected_version
            USING ERRCODE = 'ES409', HINT = stream;
        END IF;
        RETURN appended;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP FUNCTION IF EXISTS es_expect_appended(text, integer, integer, integer)');
  }
}
