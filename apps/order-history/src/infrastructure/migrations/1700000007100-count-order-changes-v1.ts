import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each order row counts its changes (`version`, +1 on every write that changes it) and remembers
 * when it last changed (`changed_at`). The version is what the Redis copy of an order's status
 * is compared by, so an older copy can never replace a newer one; `changed_at` picks the orders
 * worth loading into Redis again after an outage (the recently active ones).
 * Rows that exist already start at version 0, changed when this migration ran.
 */
export class CountOrderChangesV11700000007100 implements MigrationInterface {
  name = 'CountOrderChangesV11700000007100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE oh_orders_v1
        ADD COLUMN version integer NOT NULL DEFAULT 0,
        ADD COLUMN changed_at timestamptz NOT NULL DEFAULT now()`);
    await q.query(`CREATE INDEX oh_orders_v1_by_change ON oh_orders_v1 (changed_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX oh_orders_v1_by_change`);
    await q.query(`ALTER TABLE oh_orders_v1 DROP COLUMN changed_at, DROP COLUMN version`);
  }
}
