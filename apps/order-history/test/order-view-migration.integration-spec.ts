import { createTestDatabase, TestDatabase } from '@brigade/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { orderHistoryMigrations } from '../src/infrastructure/migrations';
import { MoneyAsBigint1700000007300 } from '../src/infrastructure/migrations/1700000007300-money-as-bigint';

/**
 * The migration that gave the order view its lifecycle shape, run on a database as an earlier
 * release left it: version 1 retired, version 2 serving in the old shape, and version 3 left by a
 * rebuild a restart interrupted. The view moves to a new version in the new shape, made from the
 * serving one, which is kept as it was.
 */
describe('order-history migrations: the order view\'s lifecycle shape is a new version of it', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  const before = orderHistoryMigrations.slice(0, orderHistoryMigrations.indexOf(MoneyAsBigint1700000007300) + 1);

  const migrate = async (migrations: typeof orderHistoryMigrations) => {
    await dataSource?.destroy();
    dataSource = new DataSource({ type: 'postgres', url: db.url, migrations });
    await dataSource.initialize();
    await dataSource.runMigrations();
  };

  beforeAll(async () => {
    db = await createTestDatabase('order_history_migration');
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('copies the serving version into the new shape (state derived, payment steps from the states), switches to it, drops the retired and interrupted ones', async () => {
    await migrate(before);
    // What a rebuild of the earlier release left: version 2 serving in the old shape, version 1 retired, version 3 being built.
    for (const version of [2, 3]) {
      await dataSource.query(`CREATE TABLE oh_orders_v${version} (LIKE oh_orders_v1 INCLUDING ALL)`);
      await dataSource.query(`CREATE TABLE oh_order_timeline_v${version} (LIKE oh_order_timeline_v1 INCLUDING ALL)`);
    }
    await dataSource.query(`UPDATE oh_projections SET active_version = 2, retired_version = 1, building_version = 3, state = 'building', rebuild_id = $1 WHERE name = 'order-view'`, [
      randomUUID(),
    ]);
    const [cooking, voided, placed] = [randomUUID(), randomUUID(), randomUUID()];
    const lines = JSON.stringify([{ menuItemId: randomUUID(), name: 'Chicken Vindaloo', priceCents: 1299, quantity: 2 }]);
    await dataSource.query(
      `INSERT INTO oh_orders_v2 (order_id, consumer_id, line_items, item_names, order_total_cents, placed_at, details_version, state, order_version,
         ticket_state, ticket_version, payment_state, payment_amount_cents, payment_version, version)
       VALUES ($1, $4, $5, 'Chicken Vindaloo', 2598, '2026-11-27T12:00:00Z', 1, 'APPROVED', 2, 'PREPARING', 4, 'AUTHORIZED', 2598, 7, 6),
              ($2, $4, $5, 'Chicken Vindaloo', 2598, '2026-11-27T12:00:00Z', 1, 'REJECTED', 2, 'CANCELLED', 2, 'VOIDED', 2598, 9, 5),
              ($3, $4, NULL, '', NULL, NULL, 0, NULL, 0, NULL, 0, NULL, NULL, 0, 1)`,
      [cooking, voided, placed, randomUUID(), lines],
    );
    await dataSource.query(`INSERT INTO oh_order_timeline_v2 VALUES ($1, $2, 'kitchen.ticket.preparing.v1', '2026-11-27T12:02:00Z')`, [cooking, randomUUID()]);

    await migrate(orderHistoryMigrations);

    const [registry] = await dataSource.query(`SELECT active_version, retired_version, building_version, state, rebuild_id FROM oh_projections WHERE name = 'order-view'`);
    expect(registry).toEqual({ active_version: 3, retired_version: 2, building_version: null, state: 'serving', rebuild_id: null });
    const tables: Array<{ tablename: string }> = await dataSource.query(`SELECT tablename FROM pg_tables WHERE tablename ~ '^oh_order' ORDER BY tablename`);
    expect(tables.map((t) => t.tablename)).toEqual(['oh_order_timeline_v2', 'oh_order_timeline_v3', 'oh_orders_v2', 'oh_orders_v3']);

    const rows = await dataSource.query(
      `SELECT order_id, state, order_state, ticket_state, payment_state, payment_step, delivery_state, order_total_cents::int AS total, item_names, version
       FROM oh_orders_v3 ORDER BY version DESC`,
    );
    expect(rows).toEqual([
      { order_id: cooking, state: 'PREPARING', order_state: 'APPROVED', ticket_state: 'PREPARING', payment_state: 'AUTHORIZED', payment_step: 1, delivery_state: null, total: 2598, item_names: 'Chicken Vindaloo', version: 6 },
      { order_id: voided, state: 'REJECTED', order_state: 'REJECTED', ticket_state: 'CANCELLED', payment_state: 'VOIDED', payment_step: 2_147_483_647, delivery_state: null, total: 2598, item_names: 'Chicken Vindaloo', version: 5 },
      { order_id: placed, state: null, order_state: null, ticket_state: null, payment_state: null, payment_step: 0, delivery_state: null, total: null, item_names: '', version: 1 },
    ]);
    expect(await dataSource.query(`SELECT count(*)::int AS n FROM oh_order_timeline_v3 WHERE order_id = $1`, [cooking])).toEqual([{ n: 1 }]);
    // The serving version is kept as it was (retired): the next rebuild drops it.
    expect(await dataSource.query(`SELECT state FROM oh_orders_v2 WHERE order_id = $1`, [cooking])).toEqual([{ state: 'APPROVED' }]);
    // The courier directory starts at version 1.
    expect(await dataSource.query(`SELECT active_version FROM oh_projections WHERE name = 'courier-directory'`)).toEqual([{ active_version: 1 }]);
  });
});
