import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The order view's next shape, as a new version of the projection (the active one, N, is left
 * as it was, retired: the next rebuild drops it, as after any switch):
 *
 * - `order_state` is what the order's own stream decided (APPROVAL_PENDING, APPROVED, REJECTED,
 *   CANCEL_PENDING, CANCELLED, REVISION_PENDING), with the last change asked for (`change_*`);
 *   `state` is now derived, a generated column, with fulfilment shown through (PREPARING,
 *   READY_FOR_PICKUP, PICKED_UP, DELIVERED; order-lifecycle.ts says how).
 * - The delivery (`delivery_state`, `courier_id`), guarded by its step (`delivery_step`): the state's
 *   rank in the delivery's life (PENDING 1, ASSIGNED 2, PICKED_UP 3, DELIVERED or CANCELLED 4)
 *   × 10^8 + the delivery stream's version.
 * - The payment part is ordered by its step (`payment_step`) instead of the account stream's
 *   version: a verdict is 1, a revision r's adjustment 2r and its undoing 2r + 1, voided or
 *   captured 2^31 − 1.
 *
 * Version N+1 is made here from version N, in SQL, and made active at once: the events N has not
 * seen (cancellations, revisions, captures, deliveries) were never published before this shape
 * existed, so the copy is what a replay of the streams gives (`nx run order-history:rebuild --
 * --projection order-view` replays them into N+2 whenever wanted). A rebuild that was running is
 * dropped, as a restart would drop it. The DDL is spelled out (a migration is history); later
 * rebuilds create the same from projection-tables.ts.
 */
export class OrderViewLifecycle1700000007500 implements MigrationInterface {
  name = 'OrderViewLifecycle1700000007500';

  async up(q: QueryRunner): Promise<void> {
    const [registry]: Array<{ active_version: number; building_version: number | null; retired_version: number | null }> = await q.query(
      `SELECT active_version, building_version, retired_version FROM oh_projections WHERE name = 'order-view' FOR UPDATE`,
    );
    const active = registry.active_version;
    const next = active + 1;
    for (const version of [registry.building_version, registry.retired_version, next]) {
      if (version !== null) await q.query(`DROP TABLE IF EXISTS oh_order_timeline_v${Number(version)}, oh_orders_v${Number(version)}`);
    }
    const [from, fromTimeline, orders, timeline] = [`oh_orders_v${active}`, `oh_order_timeline_v${active}`, `oh_orders_v${next}`, `oh_order_timeline_v${next}`];
    await q.query(`
      CREATE TABLE ${orders} (
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
        state text GENERATED ALWAYS AS (CASE
  WHEN order_state IN ('REJECTED', 'CANCELLED', 'CANCEL_PENDING', 'REVISION_PENDING') THEN order_state
  WHEN delivery_state = 'DELIVERED' THEN 'DELIVERED'
  WHEN delivery_state = 'PICKED_UP' OR ticket_state = 'PICKED_UP' THEN 'PICKED_UP'
  WHEN ticket_state IN ('PREPARING', 'READY_FOR_PICKUP') THEN ticket_state
  ELSE order_state
END) STORED,
        items_search tsvector GENERATED ALWAYS AS (to_tsvector('simple', item_names)) STORED,
        version integer NOT NULL DEFAULT 0,
        changed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ${orders}_by_consumer ON ${orders} (consumer_id, placed_at DESC, order_id DESC)`);
    await q.query(`CREATE INDEX ${orders}_by_change ON ${orders} (changed_at DESC)`);
    await q.query(`
      CREATE TABLE ${timeline} (
        order_id uuid NOT NULL,
        event_id uuid NOT NULL,
        subject text NOT NULL,
        occurred_at timestamptz NOT NULL,
        PRIMARY KEY (order_id, event_id)
      )`);
    await q.query(`
      INSERT INTO ${orders} (order_id, consumer_id, restaurant_id, line_items, item_names, order_total_cents, placed_at, details_version,
        order_state, rejection_reason, order_version, ticket_state, ticket_reason, ready_by, ticket_version,
        payment_state, payment_amount_cents, payment_reason, payment_step, version, changed_at)
      SELECT order_id, consumer_id, restaurant_id, line_items, item_names, order_total_cents, placed_at, details_version,
        state, rejection_reason, order_version, ticket_state, ticket_reason, ready_by, ticket_version,
        payment_state, payment_amount_cents, payment_reason,
        CASE WHEN payment_state = 'VOIDED' THEN 2147483647 WHEN payment_state IS NOT NULL THEN 1 ELSE 0 END,
        version, changed_at
      FROM ${from}`);
    await q.query(`INSERT INTO ${timeline} (order_id, event_id, subject, occurred_at) SELECT order_id, event_id, subject, occurred_at FROM ${fromTimeline}`);
    await q.query(
      `UPDATE oh_projections SET active_version = $1, retired_version = $2, building_version = NULL, state = 'serving', rebuild_id = NULL,
         started_at = NULL, switched_at = now(), replayed_events = NULL, total_events = NULL, failure = NULL
       WHERE name = 'order-view'`,
      [next, active],
    );
  }

  async down(): Promise<void> {
    // Forward-only: the previous version is kept (retired) until the next rebuild, not switched back to.
  }
}
