import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Money as bigint in every version of the order view: an order the platform accepts (100 lines of
 * up to 100 items at up to 10,000.00) can exceed an integer's 2,147,483,647 cents, which made the
 * live consumer park it and every later rebuild fail on it. Versions built by a rebuild before
 * this migration are altered too (projection-tables.ts creates new ones with bigint).
 */
export class MoneyAsBigint1700000007300 implements MigrationInterface {
  name = 'MoneyAsBigint1700000007300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$
      DECLARE money record;
      BEGIN
        FOR money IN
          SELECT table_name, column_name FROM information_schema.columns
          WHERE table_schema = current_schema() AND table_name ~ '^oh_orders_v[0-9]+$'
            AND column_name IN ('order_total_cents', 'payment_amount_cents') AND data_type = 'integer'
        LOOP
          EXECUTE format('ALTER TABLE %I ALTER COLUMN %I TYPE bigint', money.table_name, money.column_name);
        END LOOP;
      END $$`);
  }

  async down(): Promise<void> {
    // Narrowing money back to integer could fail on stored orders: not undone.
  }
}
