import { aRestaurantCreatedV1 } from '@brigade/contracts/restaurants';
import { runInTransaction } from '@brigade/event-store';
import { createTestDatabase, TestDatabase } from '@brigade/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { deliveryMigrations } from '../src/infrastructure/migrations';
import { RestaurantReplica } from '../src/projections/restaurant-replica/restaurant-replica';

describe('restaurant replica (projection of restaurants.restaurant.created.v1)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let replica: RestaurantReplica;

  beforeAll(async () => {
    database = await createTestDatabase('delivery_replica');
    dataSource = new DataSource({ type: 'postgres', url: database.url, migrations: deliveryMigrations, extra: { max: 2 } });
    await dataSource.initialize();
    await dataSource.runMigrations();
    replica = new RestaurantReplica(dataSource);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  const inTransaction = (work: () => Promise<void>) => runInTransaction(dataSource, work);

  it('keeps a created restaurant’s address (street2 only when given), and knows nothing of others', async () => {
    const [withUnit, withoutUnit] = [randomUUID(), randomUUID()];
    await inTransaction(() => replica.created(aRestaurantCreatedV1({ restaurantId: withUnit }), 1));
    const plain = { street1: '7 Oak Road', city: 'Berkeley', zip: '94704' };
    await inTransaction(() => replica.created(aRestaurantCreatedV1({ restaurantId: withoutUnit, address: plain }), 1));

    expect(await replica.pickupAddress(withUnit)).toEqual({ street1: '1 Main Street', street2: 'Unit 2', city: 'Oakland', zip: '94611' });
    expect(await replica.pickupAddress(withoutUnit)).toEqual(plain);
    expect(await replica.pickupAddress(randomUUID())).toBeNull();
  });

  it('ignores an older or repeated event applied after a newer one (e.g. a dead-letter replay)', async () => {
    const id = randomUUID();
    const moved = { street1: '2 New Street', city: 'Oakland', zip: '94612' };
    await inTransaction(() => replica.created(aRestaurantCreatedV1({ restaurantId: id, address: moved }), 3));
    await inTransaction(() => replica.created(aRestaurantCreatedV1({ restaurantId: id }), 1));
    expect(await replica.pickupAddress(id)).toEqual(moved);
  });

  it('writes nothing when the surrounding transaction rolls back (the inbox row and the effect go together)', async () => {
    const id = randomUUID();
    await expect(
      inTransaction(async () => {
        await replica.created(aRestaurantCreatedV1({ restaurantId: id }), 1);
        throw new Error('handler failed after the write');
      }),
    ).rejects.toThrow(/handler failed/);
    expect(await replica.pickupAddress(id)).toBeNull();
  });
});
