import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The consumers' inbox: one row per (durable consumer, event id) that reached a final answer.
 * A `processed` row commits in the same transaction as the handler's effect, which is what
 * makes redeliveries harmless. `rejected` (a domain error, acked), `parked` (dead-lettered)
 * and `discarded` (dropped from the dead-letter queue by an operator) stop a redelivered copy
 * from running again; only a `parked` row may be taken over by a replay.
 */
export class CreateMsgInbox1700000000200 implements MigrationInterface {
  name = 'CreateMsgInbox1700000000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE msg_inbox (
        consumer text NOT NULL,
        event_id uuid NOT NULL,
        outcome text NOT NULL DEFAULT 'processed'
          CHECK (outcome IN ('processed', 'rejected', 'parked', 'discarded')),
        detail jsonb,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, event_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE msg_inbox`);
  }
}
