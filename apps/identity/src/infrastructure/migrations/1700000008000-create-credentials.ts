import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `identity_credentials`: how each user logs in (its normalised email and its password hash),
 * written in the transaction that appends the user's UserRegistered. The unique email index is
 * what makes "one user per email" hold when two sign-ups race.
 */
export class CreateCredentials1700000008000 implements MigrationInterface {
  name = 'CreateCredentials1700000008000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE identity_credentials (
        user_id uuid PRIMARY KEY,
        email text NOT NULL,
        password_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX identity_credentials_email ON identity_credentials (email)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE identity_credentials`);
  }
}
