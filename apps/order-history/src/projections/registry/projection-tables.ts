import { LIFECYCLE_STATE_SQL } from '../order-view/order-lifecycle';

/**
 * Every view of the query side is a *projection* whose tables carry its version in their names
 * (`oh_orders_v3`), so a rebuild can fill version N+1 next to version N while N keeps serving.
 * This file is pure: which projections exist, which durables (= producing contexts) feed each,
 * and the DDL of one version's tables, the same as the migration that last gave them their shape
 * (a shape change is a new version, made by a migration: see 1700000007500-order-view-lifecycle).
 */

export const PROJECTION_NAMES = ['order-view', 'restaurant-directory', 'consumer-directory', 'courier-directory'] as const;
export type ProjectionName = (typeof PROJECTION_NAMES)[number];

export function isProjectionName(name: string): name is ProjectionName {
  return (PROJECTION_NAMES as readonly string[]).includes(name);
}

/** `oh_orders` + 3 → `oh_orders_v3`. Versions are positive integers: the name is spliced into SQL. */
export function versionedTable(base: string, version: number): string {
  if (!Number.isInteger(version) || version < 1) throw new Error(`A projection version is a positive integer, got ${version}`);
  if (!/^oh_[a-z_]+$/.test(base)) throw new Error(`Not a projection table: ${base}`);
  return `${base}_v${version}`;
}

export interface OrderViewTables {
  readonly orders: string;
  readonly timeline: string;
}

export const orderViewTables = (version: number): OrderViewTables => ({
  orders: versionedTable('oh_orders', version),
  timeline: versionedTable('oh_order_timeline', version),
});
export const restaurantsTable = (version: number): string => versionedTable('oh_restaurants', version);
export const consumersTable = (version: number): string => versionedTable('oh_consumers', version);
export const couriersTable = (version: number): string => versionedTable('oh_couriers', version);

export interface ProjectionDefinition {
  readonly name: ProjectionName;
  /**
   * The durables (handler names of `order-history--<handler>`, each named after the context whose
   * stream it reads) whose events feed the projection: a rebuild replays these contexts' streams.
   */
  readonly sources: readonly string[];
  /** Its tables for one version, children first (the order they are dropped in). */
  tables(version: number): readonly string[];
  /** Statements creating one version's tables and indexes. */
  create(version: number): readonly string[];
}

const orderView: ProjectionDefinition = {
  name: 'order-view',
  sources: ['orders', 'kitchen', 'accounting', 'consumers', 'delivery'],
  tables: (version) => [orderViewTables(version).timeline, orderViewTables(version).orders],
  create(version) {
    const { orders, timeline } = orderViewTables(version);
    return [
      `CREATE TABLE ${orders} (
        order_id uuid PRIMARY KEY,
        consumer_id uuid,
        restaurant_id uuid,
        line_items jsonb,
        item_names text NOT NULL DEFAULT '',
        order_total_cents bigint,
        placed_at timestamptz,
        details_version integer NOT NULL DEFAULT 0,
        order_state text,
        rejection_reason text,
        change_type text,
        change_outcome text,
        change_reason text,
        order_version integer NOT NULL DEFAULT 0,
        ticket_state text,
        ticket_reason text,
        ready_by timestamptz,
        ticket_version integer NOT NULL DEFAULT 0,
        payment_state text,
        payment_amount_cents bigint,
        payment_reason text,
        payment_step integer NOT NULL DEFAULT 0,
        delivery_state text,
        courier_id uuid,
        delivery_step integer NOT NULL DEFAULT 0,
        state text GENERATED ALWAYS AS (${LIFECYCLE_STATE_SQL}) STORED,
        items_search tsvector GENERATED ALWAYS AS (to_tsvector('simple', item_names)) STORED,
        version integer NOT NULL DEFAULT 0,
        changed_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX ${orders}_by_consumer ON ${orders} (consumer_id, placed_at DESC, order_id DESC)`,
      `CREATE INDEX ${orders}_by_change ON ${orders} (changed_at DESC)`,
      `CREATE TABLE ${timeline} (
        order_id uuid NOT NULL,
        event_id uuid NOT NULL,
        subject text NOT NULL,
        occurred_at timestamptz NOT NULL,
        PRIMARY KEY (order_id, event_id)
      )`,
    ];
  },
};

const restaurantDirectory: ProjectionDefinition = {
  name: 'restaurant-directory',
  sources: ['restaurants'],
  tables: (version) => [restaurantsTable(version)],
  create(version) {
    const table = restaurantsTable(version);
    return [
      `CREATE TABLE ${table} (
        restaurant_id uuid PRIMARY KEY,
        name text,
        name_version integer NOT NULL DEFAULT 0,
        menu jsonb NOT NULL DEFAULT '[]',
        menu_item_names text NOT NULL DEFAULT '',
        menu_version integer NOT NULL DEFAULT 0,
        open boolean NOT NULL DEFAULT false,
        open_version integer NOT NULL DEFAULT 0,
        name_search tsvector GENERATED ALWAYS AS (to_tsvector('simple', coalesce(name, ''))) STORED,
        search tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('simple', coalesce(name, '')), 'A') || setweight(to_tsvector('simple', menu_item_names), 'B')
        ) STORED
      )`,
      `CREATE INDEX ${table}_search ON ${table} USING gin (search)`,
    ];
  },
};

const consumerDirectory: ProjectionDefinition = {
  name: 'consumer-directory',
  sources: ['consumers'],
  tables: (version) => [consumersTable(version)],
  create(version) {
    return [
      `CREATE TABLE ${consumersTable(version)} (
        consumer_id uuid PRIMARY KEY,
        first_name text NOT NULL,
        last_name text NOT NULL,
        version integer NOT NULL
      )`,
    ];
  },
};

const courierDirectory: ProjectionDefinition = {
  name: 'courier-directory',
  sources: ['delivery'],
  tables: (version) => [couriersTable(version)],
  create(version) {
    return [
      `CREATE TABLE ${couriersTable(version)} (
        courier_id uuid PRIMARY KEY,
        name text NOT NULL,
        version integer NOT NULL
      )`,
    ];
  },
};

export const PROJECTIONS: Readonly<Record<ProjectionName, ProjectionDefinition>> = {
  'order-view': orderView,
  'restaurant-directory': restaurantDirectory,
  'consumer-directory': consumerDirectory,
  'courier-directory': courierDirectory,
};
