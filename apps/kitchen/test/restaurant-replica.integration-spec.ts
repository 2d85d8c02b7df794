import { aRestaurantCreatedV1 } from '@brigade/contracts/restaurants';
import { runInTransaction } from '@brigade/event-store';
import { createTestDatabase, TestDatabase } from '@brigade/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { kitchenMigrations } from '../src/infrastructure/migrations';
import { RestaurantReplica } from '../src/projections/restaurant-replica/restaurant-replica';

describe('restaurant replica (projection of restaurants.restaurant.*)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let replica: RestaurantReplica;

  beforeAll(async () => {
    database = await createTestDatabase('kitchen_replica');
    dataSource = new DataSource({ type: 'postgres', url: database.url, migrations: kitchenMigrations, extra: { max: 2 } });
    await dataSource.initialize();
    await dataSource.runMigrations();
    replica = new RestaurantReplica(dataSource);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  const inTransaction = (work: () => Promise<void>) => runInTransaction(dataSource, work);
  const created = (restaurantId: string) => aRestaurantCreatedV1({ restaurantId });
  const [vindaloo, naan] = aRestaurantCreatedV1().menu;

  async function row(restaurantId: string) {
    const rows = await dataSource.query(`SELECT name, open, menu, version FROM kitchen_restaurants WHERE restaurant_id = $1`, [restaurantId]);
    return rows[0];
  }

  it('keeps a created restaurant closed with its menu items (no prices), and knows nothing of others', async () => {
    const id = randomUUID();
    await inTransaction(() => replica.created(created(id), 1));

    expect(await row(id)).toEqual({
      name: 'Ajanta',
      open: false,
      menu: [
        { menuItemId: vindaloo.menuItemId, name: vindaloo.name },
        { menuItemId: naan.menuItemId, name: naan.name },
      ],
      version: 1,
    });
    expect(await replica.snapshot(id)).toEqual({ open: false, menuItemIds: [vindaloo.menuItemId, naan.menuItemId] });
    expect(await replica.snapshot(randomUUID())).toBeNull();
  });

  it('follows opening, menu revisions and closing', async () => {
    const id = randomUUID();
    await inTransaction(() => replica.created(created(id), 1));
    await inTransaction(() => replica.openChanged(id, true, 2));
    await inTransaction(() => replica.menuRevised(id, [naan], 3));
    expect(await replica.snapshot(id)).toEqual({ open: true, menuItemIds: [naan.menuItemId] });

    await inTransaction(() => replica.openChanged(id, false, 4));
    expect(await row(id)).toMatchObject({ open: false, version: 4 });
  });

  it('ignores an older event applied after a newer one (e.g. a dead-letter replay), and a repeated created', async () => {
    const id = randomUUID();
    await inTransaction(() => replica.created(created(id), 1));
    await inTransaction(() => replica.openChanged(id, true, 2));
    await inTransaction(() => replica.menuRevised(id, [naan], 3));

    await inTransaction(() => replica.openChanged(id, false, 2));
    await inTransaction(() => replica.created(created(id), 1));

    expect(await row(id)).toMatchObject({ open: true, version: 3, menu: [{ menuItemId: naan.menuItemId, name: naan.name }] });
  });

  it('applies events without a stream version in arrival order', async () => {
    const id = randomUUID();
    await inTransaction(() => replica.created(created(id), null));
    await inTransaction(() => replica.openChanged(id, true, null));
    expect(await row(id)).toMatchObject({ open: true, version: 2 });
  });

  it('refuses a change to a restaurant it never saw created (retried, then parked; never silently dropped)', async () => {
    await expect(inTransaction(() => replica.openChanged(randomUUID(), true, 2))).rejects.toThrow(/before the replica saw it created/);
  });

  it('writes nothing when the surrounding transaction rolls back (the inbox row and the effect go together)', async () => {
    const id = randomUUID();
    await expect(
      inTransaction(async () => {
        await replica.created(created(id), 1);
        throw new Error('handler failed after the write');
      }),
    ).rejects.toThrow(/handler failed/);
    expect(await row(id)).toBeUndefined();
  });
});
