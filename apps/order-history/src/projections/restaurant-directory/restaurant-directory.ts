import type { MenuItemV1 } from '@brigade/contracts/restaurants';
import { currentManager } from '@brigade/event-store';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProjectionFeed } from '../projection-feed';
import { ProjectionRegistry } from '../registry/projection-registry';
import { restaurantsTable } from '../registry/projection-tables';
import { newerThan, Versioned, versionAfter } from '../stream-position';
import { foldRestaurantChanges, RESTAURANT_EVENTS, RestaurantChange } from './restaurant-change';

/** One part of a restaurant, each with the version of the last event applied to it. */
type Part = keyof Omit<RestaurantChange, 'restaurantId'>;

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
export class RestaurantDirectory extends ProjectionFeed<RestaurantChange> {
  protected readonly events = RESTAURANT_EVENTS;

  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: ProjectionRegistry,
  ) {
    super();
  }

  /** Folds the batch per restaurant (per part, the newest), then a few multi-row statements per version, in restaurant-id order. */
  async apply(changes: readonly RestaurantChange[]): Promise<void> {
    const rows = foldRestaurantChanges(changes);
    if (rows.length === 0) return;
    for (const table of this.writeTables()) {
      await this.ensure(table, rows);
      const names = rows.flatMap((r) => (r.name ? [{ id: r.restaurantId, part: r.name }] : []));
      await this.setPart(table, 'name', 'name = c.name', names, [['name', 'text', names.map((n) => n.part.value)]]);
      const menus = rows.flatMap((r) => (r.menu ? [{ id: r.restaurantId, part: r.menu }] : []));
      await this.setPart(table, 'menu', 'menu = c.menu, menu_item_names = c.names', menus, [
        ['menu', 'jsonb', menus.map((m) => JSON.stringify(m.part.value))],
        ['names', 'text', menus.map((m) => m.part.value.map((item) => item.name).join(' '))],
      ]);
      const opens = rows.flatMap((r) => (r.open ? [{ id: r.restaurantId, part: r.open }] : []));
      await this.setPart(table, 'open', 'open = c.open', opens, [['open', 'boolean', opens.map((o) => o.part.value)]]);
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

  /**
   * The rows exist from the first event about the restaurant, whichever it is. In restaurant-id
   * order, and locked (ON CONFLICT DO UPDATE locks the row it meets, even when its WHERE then
   * changes nothing): a batch locks all its rows first, in one order, so batches never deadlock.
   */
  private async ensure(table: string, rows: readonly RestaurantChange[]): Promise<void> {
    await currentManager(this.dataSource).query(
      `INSERT INTO ${table} AS r (restaurant_id) SELECT * FROM unnest($1::uuid[])
       ON CONFLICT (restaurant_id) DO UPDATE SET restaurant_id = r.restaurant_id WHERE false`,
      [rows.map((r) => r.restaurantId)],
    );
  }

  /** Writes one part of the rows whose change is newer than the last one applied to that part. */
  private async setPart(
    table: string,
    part: Part,
    assignments: string,
    changes: ReadonlyArray<{ id: string; part: Versioned<unknown> }>,
    columns: ReadonlyArray<readonly [name: string, type: string, values: readonly unknown[]]>,
  ): Promise<void> {
    if (changes.length === 0) return;
    const version = `${part}_version`;
    const all = [['restaurant_id', 'uuid', changes.map((c) => c.id)], ['version', 'int', changes.map((c) => c.part.version)], ...columns] as const;
    await currentManager(this.dataSource).query(
      `UPDATE ${table} AS r SET ${assignments}, ${version} = ${versionAfter(`r.${version}`, 'c.version')}
       FROM unnest(${all.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')}) AS c(${all.map(([name]) => name).join(', ')})
       WHERE r.restaurant_id = c.restaurant_id AND ${newerThan(`r.${version}`, 'c.version')}`,
      all.map(([, , values]) => values),
    );
  }

  private writeTables(): string[] {
    return this.registry.writeVersions('restaurant-directory').map(restaurantsTable);
  }
}
