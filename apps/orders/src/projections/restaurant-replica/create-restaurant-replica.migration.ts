import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What orders knows of each restaurant (from restaurants.restaurant.*): whether it is open and
 * its whole menu, enough to price an order. `version` is the restaurant's stream version of the
 * last event applied, so an older event (e.g. replayed from the dead-letter queue) never undoes a newer one.
 */
export class CreateRestaurantReplica1700000001000 implements MigrationInterface {
  name = 'CreateRestaurantReplica1700000001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE orders_restaurant_replica (
        restaurant_id uuid PRIMARY KEY,
        name text NOT NULL,
        open boolean NOT NULL,
        menu jsonb NOT NULL,
        version integer NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE orders_restaurant_replica`);
  }
}
