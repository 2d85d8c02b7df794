import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per ticket as it now is, written in the transaction that appends the ticket's events,
 * so listing a restaurant's tickets by state never lags behind the streams.
 */
export class CreateTicketView1700000004100 implements MigrationInterface {
  name = 'CreateTicketView1700000004100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE kitchen_tickets (
        order_id uuid PRIMARY KEY,
        restaurant_id uuid NOT NULL,
        state text NOT NULL,
        line_items jsonb NOT NULL,
        ready_by timestamptz,
        reason text,
        version integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX kitchen_tickets_by_restaurant ON kitchen_tickets (restaurant_id, state, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE kitchen_tickets`);
  }
}
