import type { MenuItemV1, RestaurantCreatedV1 } from '@brigade/contracts/restaurants';
import { CommittedReadCache, currentManager } from '@brigade/event-store';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { RestaurantSnapshot } from '../../domain/order.types';

interface ReplicaRow {
  restaurant_id: string;
  open: boolean;
  menu: MenuItemV1[];
}

/**
 * The restaurant replica: written by the `restaurant-replica` consumer inside its inbox
 * transaction (currentManager), read when an order is placed. Every write is guarded by the
 * restaurant's stream version, so a redelivered or out-of-date event changes nothing. Placing an
 * order reads a restaurant kept in memory (CommittedReadCache): each write drops it once committed.
 */
@Injectable()
export class RestaurantReplica {
  private readonly snapshots: CommittedReadCache<RestaurantSnapshot | null>;

  constructor(private readonly dataSource: DataSource) {
    this.snapshots = new CommittedReadCache(dataSource);
  }

  async created(restaurant: RestaurantCreatedV1, version: number): Promise<void> {
    this.snapshots.changed(restaurant.restaurantId);
    await currentManager(this.dataSource).query(
      `INSERT INTO orders_restaurant_replica (restaurant_id, name, open, menu, version) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (restaurant_id) DO UPDATE SET name = EXCLUDED.name, open = EXCLUDED.open, menu = EXCLUDED.menu, version = EXCLUDED.version
       WHERE orders_restaurant_replica.version < EXCLUDED.version`,
      [restaurant.restaurantId, restaurant.name, restaurant.open, JSON.stringify(restaurant.menu), version],
    );
  }

  async menuRevised(restaurantId: string, menu: readonly MenuItemV1[], version: number): Promise<void> {
    await this.update(restaurantId, version, 'menu = $3', JSON.stringify(menu));
  }

  async openChanged(restaurantId: string, open: boolean, version: number): Promise<void> {
    await this.update(restaurantId, version, 'open = $3', open);
  }

  /** What an order may be priced against, or null for a restaurant orders has not heard of. Read-only. */
  snapshot(restaurantId: string): Promise<RestaurantSnapshot | null> {
    return this.snapshots.get(restaurantId, (manager) => this.read(manager, restaurantId));
  }

  private async read(manager: EntityManager, restaurantId: string): Promise<RestaurantSnapshot | null> {
    const [row]: ReplicaRow[] = await manager.query('SELECT restaurant_id, open, menu FROM orders_restaurant_replica WHERE restaurant_id = $1', [
      restaurantId,
    ]);
    if (!row) return null;
    return Object.freeze({
      restaurantId: row.restaurant_id,
      open: row.open,
      menu: Object.freeze(row.menu.map(({ menuItemId, name, priceCents }) => Object.freeze({ menuItemId, name, priceCents }))),
    });
  }

  /**
   * A change to a restaurant the replica does not know yet (its created event has not been
   * applied) is an error, so the consumer retries it until created.v1 is in, rather than dropping it.
   */
  private async update(restaurantId: string, version: number, assignment: string, value: unknown): Promise<void> {
    this.snapshots.changed(restaurantId);
    const manager = currentManager(this.dataSource);
    const [, affected]: [unknown, number] = await manager.query(
      `UPDATE orders_restaurant_replica SET ${assignment}, version = $2 WHERE restaurant_id = $1 AND version < $2`,
      [restaurantId, version, value],
    );
    if (affected > 0) return;
    const [known] = await manager.query('SELECT 1 FROM orders_restaurant_replica WHERE restaurant_id = $1', [restaurantId]);
    if (!known) throw new Error(`Restaurant ${restaurantId} is not in the replica yet; its created event must come first`);
  }
}
