import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The assignment board: couriers free now (on shift, carrying nothing) and deliveries waiting for
 * a courier, each in line by `position` (taken when they joined it). Both are views of the
 * aggregates' states, written in the transaction that appends their events, so a restart loses
 * no waiting delivery and assigning never scans streams.
 */
export class CreateAssignmentBoard1700000006100 implements MigrationInterface {
  name = 'CreateAssignmentBoard1700000006100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE delivery_free_couriers (
        courier_id uuid PRIMARY KEY,
        position bigint GENERATED ALWAYS AS IDENTITY,
        free_since timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX delivery_free_couriers_in_line ON delivery_free_couriers (position)`);
    await q.query(`
      CREATE TABLE delivery_waiting_deliveries (
        order_id uuid PRIMARY KEY,
        position bigint GENERATED ALWAYS AS IDENTITY,
        waiting_since timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX delivery_waiting_deliveries_in_line ON delivery_waiting_deliveries (position)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE delivery_waiting_deliveries`);
    await q.query(`DROP TABLE delivery_free_couriers`);
  }
}
