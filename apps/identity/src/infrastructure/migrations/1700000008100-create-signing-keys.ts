import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `identity_signing_keys`: the key pairs access tokens are signed with. A key is published in the
 * JWKS from `created_at`, signs from `activates_at`, and leaves the JWKS once every token it
 * signed has expired (computed from its successor's activation, see key-schedule.ts). Holds
 * private keys: only the identity app's database role may read it.
 */
export class CreateSigningKeys1700000008100 implements MigrationInterface {
  name = 'CreateSigningKeys1700000008100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE identity_signing_keys (
        kid text PRIMARY KEY,
        private_jwk jsonb NOT NULL,
        public_jwk jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        activates_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE identity_signing_keys`);
  }
}
