import { afterCommit, currentManager, writeAtCommit } from '@brigade/event-store';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { OrderKey } from '../../application/list-consumer-orders/order-cursor';
import { OrderStatuses, OwnedOrderStatus } from '../order-status/order-status';
import { OrderStatusCache } from '../order-status/order-status-cache';
import { ProjectionRegistry } from '../registry/projection-registry';
import { consumersTable, couriersTable, orderViewTables, OrderViewTables, restaurantsTable } from '../registry/projection-tables';
import { cents } from '../money';
import { ProjectionFeed } from '../projection-feed';
import { OrderChange, foldOrderChanges } from './order-change';
import type {
  DeliveryState,
  LastChange,
  OrderHistoryView,
  OrderLine,
  OrderState,
  OrderSummary,
  PaymentState,
  TicketState,
  TimelineEntry,
} from './order-history.view';
import { ORDER_VIEW_EVENTS } from './order-view-events';
import { orderRowStatements } from './order-view-writer';

/**
 * The denormalised order view (`oh_orders_v<N>` + `oh_order_timeline_v<N>`), fed by the durables of
 * orders, kitchen, accounting, consumers and delivery. Events of different contexts arrive in any order
 * (each context is its own stream and durable, and a dead letter may be replayed late), so the
 * view is built to be right whatever the order, by construction:
 *
 * - Any event about an order upserts its row: a ticket or a payment known before the order's
 *   `orders.order.created.v1` fills its own columns; the ids it carries fill missing ones.
 * - The row has independent parts, each written by one producer stream and guarded by the
 *   version of the last event applied from it: details, and the state the orders service decided
 *   with the last change asked for (the order's stream), ticket (the ticket's stream, id = order
 *   id), delivery (the delivery's stream, id = order id). The delivery and the payment are guarded
 *   by a step instead (order-lifecycle.ts): the state's place in the delivery's one-way life, then
 *   the version; the payment's by what each event means, as its events may come from more than
 *   one accounting stream. A part moves only forward: a stale or replayed event never puts an
 *   older state back, and applying an event twice is a no-op. The order's `state` is derived from
 *   the parts by PostgreSQL (a generated column, order-lifecycle.ts), so it is as indifferent to
 *   arrival order as they are.
 * - Names are not copied into the row: consumer, restaurant and courier names live in their
 *   dimension tables and are joined when the order is read, so a registration or a restaurant
 *   that arrives after the order, or a later menu revision, is reflected at once and never lost.
 * - The timeline has one row per event id (inserted with ON CONFLICT DO NOTHING) and is read in
 *   (occurredAt, event id) order: the same set of events gives the same timeline in any order.
 *
 * The consumer's inbox makes each event apply once per durable; the guards above make the view
 * indifferent to what the inbox cannot see (order across durables, replays after newer events).
 * Every write joins the consumer's transaction, sent with its COMMIT (writeAtCommit), so it commits
 * with the inbox row.
 *
 * Because the view is order-insensitive and idempotent, a batch of events can be folded per order
 * in memory (order-change.ts, pure) and written with a few multi-row statements
 * (order-view-writer.ts): that is the only write path. A live event is a batch of one; a
 * rebuild's replay writes thousands of events per batch through the same fold and statements.
 *
 * Every part of an order's row an event writes adds 1 to the row's `version` (as many as separate
 * statements per part would count), and every write sets `changed_at`. After
 * each event the order's status is read, locked until the commit, and handed to the Redis cache
 * once the transaction has committed (never before: Redis must not show what may roll back).
 *
 * Versions: reads use the registry's active version (and the directories' active versions for the
 * names); each event is applied to every version the registry gives, i.e. to the active one and,
 * while a rebuild runs, to the one being built too, in the same transaction. Because applying an
 * event is idempotent and order-insensitive, the replay and these live writes can fill the
 * building version at the same time, in any interleaving. Only the active version's status goes
 * to Redis, and only from the live consumers (never from a replay).
 */
@Injectable()
export class OrderView extends ProjectionFeed<OrderChange> {
  protected readonly events = ORDER_VIEW_EVENTS;

  constructor(
    private readonly dataSource: DataSource,
    private readonly statuses: OrderStatuses,
    private readonly cache: OrderStatusCache,
    private readonly registry: ProjectionRegistry,
  ) {
    super();
  }

  /**
   * Applies a batch of changes (a live event's one, or a replay's hundreds), in the caller's
   * transaction, to every version the registry says: folded per order, then a few multi-row
   * statements per version (order-view-writer.ts) and, live only, the read of each order's status
   * for Redis, all sent with the transaction's COMMIT (writeAtCommit): one round trip per event.
   */
  async apply(changes: readonly OrderChange[]): Promise<void> {
    const rows = foldOrderChanges(changes);
    // Nothing here needs an answer before the transaction commits: every statement goes with the COMMIT.
    for (const t of this.writeTables()) for (const write of orderRowStatements(t, rows)) writeAtCommit(this.dataSource, write);
    for (const orderId of this.registry.isLive() ? rows.map((row) => row.orderId) : []) this.statusForRedis(orderId);
  }

  async find(orderId: string): Promise<OrderHistoryView | null> {
    const tables = this.readTables();
    const [row]: OrderRow[] = await this.query(`${selectOrders(tables)} WHERE o.order_id = $1`, [orderId]);
    if (!row) return null;
    const timeline: Array<{ event_id: string; subject: string; occurred_at: Date }> = await this.query(
      `SELECT event_id, subject, occurred_at FROM ${tables.timeline} WHERE order_id = $1 ORDER BY occurred_at, event_id`,
      [orderId],
    );
    const summary = toSummary(row);
    return {
      orderId: row.order_id,
      consumerId: row.consumer_id,
      consumerName: row.first_name === null ? null : `${row.first_name} ${row.last_name}`,
      restaurantId: summary.restaurantId,
      restaurantName: summary.restaurantName,
      lineItems: summary.lineItems,
      orderTotalCents: summary.orderTotalCents,
      placedAt: row.placed_at ? row.placed_at.toISOString() : null,
      state: summary.state,
      rejectionReason: summary.rejectionReason,
      lastChange: row.change_type === null || row.change_outcome === null ? null : { type: row.change_type, outcome: row.change_outcome, reason: row.change_reason },
      ticket: row.ticket_state === null ? null : { state: row.ticket_state, readyBy: row.ready_by?.toISOString() ?? null, reason: row.ticket_reason },
      payment:
        row.payment_state === null ? null : { state: row.payment_state, amountCents: cents(row.payment_amount_cents), reason: row.payment_reason },
      delivery: row.delivery_state === null ? null : { state: row.delivery_state, courierId: row.courier_id, courierName: row.courier_name },
      timeline: timeline.map(
        (entry): TimelineEntry => ({ eventId: entry.event_id, subject: entry.subject, occurredAt: entry.occurred_at.toISOString() }),
      ),
    };
  }

  /**
   * A consumer's placed orders, newest first (placedAt, then order id, both descending), after
   * `after` when given. Every word of `tsquery` must match the order's item names or its
   * restaurant's current name (one word may match one, another the other).
   * Each entry carries its exact key (microseconds), from which the next page's cursor is made.
   */
  async ofConsumer(
    consumerId: string,
    filter: { state?: OrderState; tsquery?: string; after?: OrderKey; limit: number },
  ): Promise<Array<{ summary: OrderSummary; key: OrderKey }>> {
    const rows: Array<OrderRow & { placed_at_exact: string }> = await this.query(
      `${selectOrders(this.readTables())}
       WHERE o.consumer_id = $1 AND o.placed_at IS NOT NULL
         AND ($2::text IS NULL OR o.state = $2::text)
         AND ($3::text IS NULL OR (o.items_search || coalesce(r.name_search, ''::tsvector)) @@ to_tsquery('simple', $3::text))
         AND ($4::timestamptz IS NULL OR (o.placed_at, o.order_id) < ($4::timestamptz, $5::uuid))
       ORDER BY o.placed_at DESC, o.order_id DESC
       LIMIT $6`,
      [consumerId, filter.state ?? null, filter.tsquery ?? null, filter.after?.placedAt ?? null, filter.after?.orderId ?? null, filter.limit],
    );
    return rows.map((row) => ({ summary: toSummary(row), key: { placedAt: row.placed_at_exact, orderId: row.order_id } }));
  }

  /**
   * The order's status as this transaction leaves it, read (and locked) with its COMMIT, for Redis
   * once it has committed. Written even when the event changed nothing: the row lock makes it the
   * latest, and the cache keeps the larger version anyway. A duplicate's transaction rolls back,
   * and its hook never runs.
   */
  private statusForRedis(orderId: string): void {
    const viewVersion = this.registry.activeVersion('order-view');
    const { statement, statusOf } = this.statuses.lockedForCommit(orderId, viewVersion);
    let owned: OwnedOrderStatus | null = null;
    writeAtCommit(this.dataSource, { ...statement, receive: (result) => (owned = statusOf(result)) });
    afterCommit(this.dataSource, () => {
      if (owned) this.cache.committed(owned, viewVersion);
    });
  }

  private writeTables(): OrderViewTables[] {
    return this.registry.writeVersions('order-view').map(orderViewTables);
  }

  private readTables(): ReadTables {
    return {
      ...orderViewTables(this.registry.activeVersion('order-view')),
      consumers: consumersTable(this.registry.activeVersion('consumer-directory')),
      restaurants: restaurantsTable(this.registry.activeVersion('restaurant-directory')),
      couriers: couriersTable(this.registry.activeVersion('courier-directory')),
    };
  }

  private query<T>(sql: string, values: unknown[]): Promise<T> {
    return currentManager(this.dataSource).query(sql, values);
  }
}

/** The active versions of the order view and of the directories joined to it. */
interface ReadTables extends OrderViewTables {
  readonly consumers: string;
  readonly restaurants: string;
  readonly couriers: string;
}

const selectOrders = (t: ReadTables): string => `
  SELECT o.*, c.first_name, c.last_name, r.name AS restaurant_name, k.name AS courier_name,
    to_char(o.placed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS placed_at_exact
  FROM ${t.orders} o
  LEFT JOIN ${t.consumers} c ON c.consumer_id = o.consumer_id
  LEFT JOIN ${t.restaurants} r ON r.restaurant_id = o.restaurant_id
  LEFT JOIN ${t.couriers} k ON k.courier_id = o.courier_id`;

interface OrderRow {
  order_id: string;
  consumer_id: string | null;
  restaurant_id: string | null;
  line_items: OrderLine[] | null;
  /** bigint: the driver hands it over as text. */
  order_total_cents: string | null;
  placed_at: Date | null;
  /** Derived from the parts (order-lifecycle.ts). */
  state: OrderState | null;
  rejection_reason: string | null;
  change_type: LastChange['type'] | null;
  change_outcome: LastChange['outcome'] | null;
  change_reason: string | null;
  ticket_state: TicketState | null;
  ticket_reason: string | null;
  ready_by: Date | null;
  payment_state: PaymentState | null;
  payment_amount_cents: string | null;
  payment_reason: string | null;
  delivery_state: DeliveryState | null;
  courier_id: string | null;
  courier_name: string | null;
  first_name: string | null;
  last_name: string | null;
  restaurant_name: string | null;
}

function toSummary(row: OrderRow): OrderSummary {
  return {
    orderId: row.order_id,
    restaurantId: row.restaurant_id,
    restaurantName: row.restaurant_name,
    lineItems: row.line_items ?? [],
    orderTotalCents: cents(row.order_total_cents),
    placedAt: row.placed_at ? row.placed_at.toISOString() : '',
    state: row.state,
    rejectionReason: row.rejection_reason,
    ticketState: row.ticket_state,
    paymentState: row.payment_state,
    deliveryState: row.delivery_state,
  };
}
