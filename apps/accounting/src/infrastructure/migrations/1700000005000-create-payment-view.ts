import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `accounting_payments`: each order's payment as it now is, per consumer, written in the
 * transaction that appends the payment's events. GET /accounts/:consumerId lists the newest of
 * them from here (by `seq`, the order in which payments were first answered), so the Account
 * aggregate keeps no per-order facts.
 */
export class CreatePaymentView1700000005000 implements MigrationInterface {
  name = 'CreatePaymentView1700000005000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE accounting_payments (
        order_id uuid PRIMARY KEY,
        consumer_id uuid NOT NULL,
        status text NOT NULL,
        amount_cents bigint NOT NULL,
        version integer NOT NULL,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX accounting_payments_newest_by_consumer ON accounting_payments (consumer_id, seq DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE accounting_payments`);
  }
}
