import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSagaDeadlines1700000000300 implements MigrationInterface {
  name = 'CreateSagaDeadlines1700000000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE saga_deadlines (
        saga text NOT NULL,
        saga_id text NOT NULL,
        due_at timestamptz NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        CONSTRAINT saga_deadlines_pkey PRIMARY KEY (saga, saga_id)
      )`);
    await q.query('CREATE INDEX saga_deadlines_due ON saga_deadlines (saga, due_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE saga_deadlines');
  }
}
