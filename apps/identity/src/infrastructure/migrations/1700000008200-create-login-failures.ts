import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `identity_login_failures`: failed logins per throttling key (`email:<email>`, `address:<ip>`)
 * in the current window, shared by every replica. One row per key, updated in place.
 */
export class CreateLoginFailures1700000008200 implements MigrationInterface {
  name = 'CreateLoginFailures1700000008200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE identity_login_failures (
        key text PRIMARY KEY,
        window_started_at timestamptz NOT NULL,
        failures integer NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE identity_login_failures`);
  }
}
