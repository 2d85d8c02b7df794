import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A restaurant's tickets are listed a page at a time, in (created_at, order_id) order, with or
 * without a state: both indexes end with that key, so a page is a range scan from the cursor.
 */
export class IndexTicketPages1700000004300 implements MigrationInterface {
  name = 'IndexTicketPages1700000004300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX kitchen_tickets_page ON kitchen_tickets (restaurant_id, created_at, order_id)`);
    await q.query(`CREATE INDEX kitchen_tickets_page_by_state ON kitchen_tickets (restaurant_id, state, created_at, order_id)`);
    await q.query(`DROP INDEX kitchen_tickets_by_restaurant`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX kitchen_tickets_by_restaurant ON kitchen_tickets (restaurant_id, state, created_at)`);
    await q.query(`DROP INDEX kitchen_tickets_page_by_state`);
    await q.query(`DROP INDEX kitchen_tickets_page`);
  }
}
