import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The first version of the query side's tables, each named with its version so that a later
 * migration can build `_v2` next to it (replaying the streams) and the app can switch over at once.
 * Names are spelled out here, not taken from the projections' constants: a migration is history.
 *
 * - oh_consumers_v1, oh_restaurants_v1: dimensions (names, menus), joined when an order is read,
 *   so a registration or a restaurant that arrives after its orders shows up in them at once.
 * - oh_orders_v1: one row per order, upserted by whichever event about it comes first; each part
 *   (order, ticket, payment) remembers the stream version of the last event applied to it.
 * - oh_order_timeline_v1: one row per event that touched an order, unique by event id.
 *
 * Full-text search uses the `simple` configuration (no stemming, no stop words): restaurant and dish
 * names are proper nouns in many languages ("Vindaloo", "Margherita"), which English stemming would
 * cut arbitrarily, and a prefix typed by a user must match the words as written.
 */
export class CreateOrderHistoryViewsV11700000007000 implements MigrationInterface {
  name = 'CreateOrderHistoryViewsV11700000007000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE oh_consumers_v1 (
        consumer_id uuid PRIMARY KEY,
        first_name text NOT NULL,
        last_name text NOT NULL,
        version integer NOT NULL
      )`);
    await q.query(`
      CREATE TABLE oh_restaurants_v1 (
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
      )`);
    await q.query(`CREATE INDEX oh_restaurants_v1_search ON oh_restaurants_v1 USING gin (search)`);
    await q.query(`
      CREATE TABLE oh_orders_v1 (
        order_id uuid PRIMARY KEY,
        consumer_id uuid,
        restaurant_id uuid,
        line_items jsonb,
        item_names text NOT NULL DEFAULT '',
        order_total_cents integer,
        placed_at timestamptz,
        details_version integer NOT NULL DEFAULT 0,
        state text,
        rejection_reason text,
        order_version integer NOT NULL DEFAULT 0,
        ticket_state text,
        ticket_reason text,
        ready_by timestamptz,
        ticket_version integer NOT NULL DEFAULT 0,
        payment_state text,
        payment_amount_cents integer,
        payment_reason text,
        payment_version integer NOT NULL DEFAULT 0,
        items_search tsvector GENERATED ALWAYS AS (to_tsvector('simple', item_names)) STORED
      )`);
    // A consumer's history, newest first, page after page (keyset on placed_at, order_id). Keyword
    // search runs within one consumer's orders, along this index: the words may match the items and
    // the restaurant's current name together, so it is matched against both tsvectors joined at read
    // time, which no GIN index could serve; items_search and name_search only save parsing the text.
    await q.query(`CREATE INDEX oh_orders_v1_by_consumer ON oh_orders_v1 (consumer_id, placed_at DESC, order_id DESC)`);
    await q.query(`
      CREATE TABLE oh_order_timeline_v1 (
        order_id uuid NOT NULL,
        event_id uuid NOT NULL,
        subject text NOT NULL,
        occurred_at timestamptz NOT NULL,
        PRIMARY KEY (order_id, event_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE oh_order_timeline_v1`);
    await q.query(`DROP TABLE oh_orders_v1`);
    await q.query(`DROP TABLE oh_restaurants_v1`);
    await q.query(`DROP TABLE oh_consumers_v1`);
  }
}
