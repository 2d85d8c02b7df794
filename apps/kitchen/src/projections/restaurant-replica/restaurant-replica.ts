import type { MenuItemV1, RestaurantCreatedV1 } from '@brigade/contracts/restaurants';
import { currentManager } from '@brigade/event-store';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RestaurantSnapshot } from '../../domain/ticket.commands';

/** Where an event sits in its restaurant's stream; null when the producer did not say (then applied as it comes). */
export type StreamVersion = number | null;

/**
 * The kitchen's replica of restaurants (`kitchen_restaurants`). Every write joins the ambient
 * transaction, so it commits with the consumer's inbox row. The transport delivers one
 * restaurant's events in order; the version guard additionally keeps a replayed older event
 * from overwriting a newer state.
 */
@Injectable()
export class RestaurantReplica {
  constructor(private readonly dataSource: DataSource) {}

  async created(event: RestaurantCreatedV1, version: StreamVersion): Promise<void> {
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

  /** What the Ticket decider needs to know; null for a restaurant the kitchen has not heard of. */
  async snapshot(restaurantId: string): Promise<RestaurantSnapshot | null> {
    const rows: Array<{ open: boolean; menu: MenuItemV1[] }> = await currentManager(this.dataSource).query(
      `SELECT open, menu FROM kitchen_restaurants WHERE restaurant_id = $1`,
      [restaurantId],
    );
    return rows[0] ? { open: rows[0].open, menuItemIds: rows[0].menu.map((item) => item.menuItemId) } : null;
  }

  /**
   * A change to a restaurant the replica does not have means its created event has not been
   * applied: thrown (retried, then parked) rather than dropped, because order is guaranteed.
   */
  private async update(restaurantId: string, assignment: string, values: unknown[], version: StreamVersion): Promise<void> {
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
