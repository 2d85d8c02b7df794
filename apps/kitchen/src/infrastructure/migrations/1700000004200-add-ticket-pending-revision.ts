import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The revision a ticket accepted and its order has not decided yet (null when none), so that a
 * restaurant's ticket list shows it as GET /tickets/:orderId does. `state` is plain text, so
 * new states (PICKED_UP) need no change here.
 */
export class AddTicketPendingRevision1700000004200 implements MigrationInterface {
  name = 'AddTicketPendingRevision1700000004200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE kitchen_tickets ADD COLUMN pending_revision integer`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE kitchen_tickets DROP COLUMN pending_revision`);
  }
}
