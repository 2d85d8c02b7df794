import type { MenuItemV1, RestaurantCreatedV1 } from '@brigade/contracts/restaurants';
import { CommittedReadCache, currentManager } from '@brigade/event-store';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { RestaurantSnapshot } from '../../domain/ticket.commands';

/** Where an event sits in its restaurant's stream; null when the producer did not say (then applied as it comes). */
export type StreamVersion = number | null;

/**
 * The kitchen's replica of restaurants (`kitchen_restaurants`). Every write joins the ambient
 * transaction, so it commits with the consumer's inbox row. The transport delivers one
 * restaurant's events in order; the version guard additionally keeps a replayed older event
 * from overwriting a newer state. A new ticket reads its restaurant kept in memory
 * (CommittedReadCache): each write drops it once committed.
 */
@Injectable()
export class RestaurantReplica {
  private readonly snapshots: CommittedReadCache<RestaurantSnapshot | null>;

  constructor(private readonly dataSource: DataSource) {
    this.snapshots = new CommittedReadCache(dataSource);
  }

  async created(event: RestaurantCreatedV1, version: StreamVersion): Promise<void> {
    this.snapshots.changed(event.restaurantId);
    await currentManager(this.dataSource).query(
      `INSERT INTO kitchen_restaurants (restaurant_id, name, open, menu, version) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (restaurant_id) DO UPDATE SET name = EXCLUDED.name, open = EXCLUDED.open, menu = EXCLUDED.menu,
         version = EXCLUDED.version, updated_at = now()
       WHERE kitchen_restaurants.version < EXCLUDED.version`,
      [event.restaurantId, event.name, event.open, JSON.stringify(menuOf(event.menu)), version ?? 1],
    );
  }

  async menuRevised(restaurantId: string, menu: readonly MenuItemV1[], version: StreamVersion): Promise<void> {
    await this.update(restaurantId, 'menu = $3', [JSON.stringify(menuOf(menu))], version);
  }

  async openChanged(restaurantId: string, open: boolean, version: StreamVersion): Promise<void> {
    await this.update(restaurantId, 'open = $3', [open], version);
  }

  /** What the Ticket decider needs to know; null for a restaurant the kitchen has not heard of. Read-only. */
  snapshot(restaurantId: string): Promise<RestaurantSnapshot | null> {
    return this.snapshots.get(restaurantId, (manager) => this.read(manager, restaurantId));
  }

  private async read(manager: EntityManager, restaurantId: string): Promise<RestaurantSnapshot | null> {
    const [row]: Array<{ open: boolean; menu: MenuItemV1[] }> = await manager.query(`SELECT open, menu FROM kitchen_restaurants WHERE restaurant_id = $1`, [
      restaurantId,
    ]);
    return row ? Object.freeze({ open: row.open, menuItemIds: Object.freeze(row.menu.map((item) => item.menuItemId)) }) : null;
  }

  /**
   * A change to a restaurant the replica does not have means its created event has not been
   * applied: thrown (retried, then parked) rather than dropped, because order is guaranteed.
   */
  private async update(restaurantId: string, assignment: string, values: unknown[], version: StreamVersion): Promise<void> {
    this.snapshots.changed(restaurantId);
    const manager = currentManager(this.dataSource);
    const exists: unknown[] = await manager.query(`SELECT 1 FROM kitchen_restaurants WHERE restaurant_id = $1 FOR UPDATE`, [restaurantId]);
    if (exists.length === 0) throw new Error(`restaurant ${restaurantId} changed before the replica saw it created`);
    await manager.query(
      `UPDATE kitchen_restaurants SET ${assignment}, version = COALESCE($2, version + 1), updated_at = now()
       WHERE restaurant_id = $1 AND ($2::int IS NULL OR version < $2::int)`,
      [restaurantId, version, ...values],
    );
  }
}

/** Only the fields the kitchen uses are kept (prices are not its business). */
function menuOf(menu: readonly MenuItemV1[]): Array<{ menuItemId: string; name: string }> {
  return menu.map(({ menuItemId, name }) => ({ menuItemId, name }));
}
