import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Delivery's copy of what it needs of each restaurant (fed by restaurants.restaurant.created.v1):
 * its address, where couriers pick the food up. `version` is the restaurant's stream version of
 * the event applied, so an older event (a dead-letter replay) never overwrites a newer one.
 */
export class CreateRestaurantReplica1700000006000 implements MigrationInterface {
  name = 'CreateRestaurantReplica1700000006000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE delivery_restaurants (
        restaurant_id uuid PRIMARY KEY,
        address jsonb NOT NULL,
        version integer NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE delivery_restaurants`);
  }
}
