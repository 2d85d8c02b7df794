import type { MenuItemV1, RestaurantCreatedV1 } from '@brigade/contracts/restaurants';
import { currentManager } from '@brigade/event-store';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProjectionRegistry } from '../registry/projection-registry';
import { restaurantsTable } from '../registry/projection-tables';
import { EventPosition, newerThan, versionAfter } from '../stream-position';

/** One part of a restaurant, each with the version of the last event applied to it. */
type Part = 'name' | 'menu' | 'open';

export interface RestaurantSearchHit {
  readonly restaurantId: string;
  readonly name: string;
  readonly open: boolean;
  /** ts_rank of the match: a match in the name weighs far more than one in a menu item. */
  readonly rank: number;
  /** The menu items whose names match the query (empty when only the name matched). */
  readonly matchingMenuItems: readonly MenuItemV1[];
}

/**
 * Restaurants as order-history knows them (fed by restaurants.restaurant.*): a dimension joined
 * when an order is read (so a restaurant created or revised after its orders shows its current
 * name), and the source of restaurant search. `search` is a generated tsvector (name weighted A,
 * menu item names B) kept in step with every write, with a GIN index.
 *
 * Each part is guarded by its own version, so the row can be built from its events in any
 * order: a menu revision applied before the creation keeps the newer menu, and a stale or
 * duplicate event never moves a part backwards.
 *
 * Table `oh_restaurants_v<N>`: searches read the registry's active version; events are written
 * to every version it says (two while a rebuild runs).
 */
@Injectable()
export class RestaurantDirectory {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: ProjectionRegistry,
  ) {}

  async created(event: RestaurantCreatedV1, at: EventPosition): Promise<void> {
    for (const table of this.writeTables()) {
      await this.ensure(table, event.restaurantId);
      await this.setPart(table, event.restaurantId, 'name', 'name = $3', [event.name], at);
      await this.setMenu(table, event.restaurantId, event.menu, at);
      await this.setPart(table, event.restaurantId, 'open', 'open = $3', [event.open], at);
    }
  }

  async menuRevised(restaurantId: string, menu: readonly MenuItemV1[], at: EventPosition): Promise<void> {
    for (const table of this.writeTables()) {
      await this.ensure(table, restaurantId);
      await this.setMenu(table, restaurantId, menu, at);
    }
  }

  async openChanged(restaurantId: string, open: boolean, at: EventPosition): Promise<void> {
    for (const table of this.writeTables()) {
      await this.ensure(table, restaurantId);
      await this.setPart(table, restaurantId, 'open', 'open = $3', [open], at);
    }
  }

  /** Restaurants matching `tsquery` (a prefix query in the `simple` configuration), best first. */
  async search(tsquery: string, limit: number): Promise<RestaurantSearchHit[]> {
    const rows: Array<{ restaurant_id: string; name: string; open: boolean; rank: number; matching: MenuItemV1[] }> =
      await currentManager(this.dataSource).query(
        `SELECT r.restaurant_id, r.name, r.open, ts_rank('{0, 0, 0.2, 1}', r.search, q) AS rank,
           (SELECT coalesce(jsonb_agg(item ORDER BY item->>'name'), '[]') FROM jsonb_array_elements(r.menu) AS item
             WHERE to_tsvector('simple', item->>'name') @@ q) AS matching
         FROM ${restaurantsTable(this.registry.activeVersion('restaurant-directory'))} r, to_tsquery('simple', $1) AS q
         WHERE r.search @@ q AND r.name IS NOT NULL
         ORDER BY rank DESC, r.name, r.restaurant_id
         LIMIT $2`,
        [tsquery, limit],
      );
    return rows.map((row) => ({
      restaurantId: row.restaurant_id,
      name: row.name,
      open: row.open,
      rank: Number(row.rank),
      matchingMenuItems: row.matching.map(({ menuItemId, name, priceCents }) => ({ menuItemId, name, priceCents })),
    }));
  }

  /** The row exists from the first event about the restaurant, whichever it is. */
  private async ensure(table: string, restaurantId: string): Promise<void> {
    await currentManager(this.dataSource).query(
      `INSERT INTO ${table} (restaurant_id) VALUES ($1) ON CONFLICT (restaurant_id) DO NOTHING`,
      [restaurantId],
    );
  }

  private setMenu(table: string, restaurantId: string, menu: readonly MenuItemV1[], at: EventPosition): Promise<void> {
    const items = menu.map(({ menuItemId, name, priceCents }) => ({ menuItemId, name, priceCents }));
    return this.setPart(table, restaurantId, 'menu', 'menu = $3, menu_item_names = $4', [JSON.stringify(items), items.map((i) => i.name).join(' ')], at);
  }

  private async setPart(table: string, restaurantId: string, part: Part, assignments: string, values: unknown[], at: EventPosition): Promise<void> {
    const version = `${part}_version`;
    await currentManager(this.dataSource).query(
      `UPDATE ${table} SET ${assignments}, ${version} = ${versionAfter(version, '$2')}
       WHERE restaurant_id = $1 AND ${newerThan(version, '$2')}`,
      [restaurantId, at.version, ...values],
    );
  }

  private writeTables(): string[] {
    return this.registry.writeVersions('restaurant-directory').map(restaurantsTable);
  }
}
