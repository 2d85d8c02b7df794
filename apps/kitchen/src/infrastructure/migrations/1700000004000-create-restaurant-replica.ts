import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The kitchen's copy of what it needs to know about each restaurant (fed by restaurants.restaurant.*):
 * whether it is open and which items its menu has. `version` is the restaurant's stream version
 * of the last event applied, so an older event (a dead-letter replay) can never overwrite a newer one.
 */
export class CreateRestaurantReplica1700000004000 implements MigrationInterface {
  name = 'CreateRestaurantReplica1700000004000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE kitchen_restaurants (
        restaurant_id uuid PRIMARY KEY,
        name text NOT NULL,
        open boolean NOT NULL,
        menu jsonb NOT NULL,
        version integer NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE kitchen_restaurants`);
  }
}
