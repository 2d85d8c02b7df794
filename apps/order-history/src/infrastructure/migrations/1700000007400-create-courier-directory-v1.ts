import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Couriers' names (`oh_couriers_v1`), a dimension joined when an order's delivery is read, as
 * consumers' names are; a projection of its own (`courier-directory`, fed by the delivery stream),
 * starting at version 1. Names are spelled out: a migration is history.
 */
export class CreateCourierDirectoryV11700000007400 implements MigrationInterface {
  name = 'CreateCourierDirectoryV11700000007400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE oh_couriers_v1 (
        courier_id uuid PRIMARY KEY,
        name text NOT NULL,
        version integer NOT NULL
      )`);
    await q.query(`INSERT INTO oh_projections (name, active_version) VALUES ('courier-directory', 1)`);
  }

  async down(): Promise<void> {
    // Forward-only: a later migration changes what this one made.
  }
}
