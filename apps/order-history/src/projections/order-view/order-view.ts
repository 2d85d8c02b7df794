import type { OrderCreatedV1 } from '@brigade/contracts/orders';
import { afterCommit, currentManager } from '@brigade/event-store';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { OrderKey } from '../../application/list-consumer-orders/order-cursor';
import { OrderStatuses } from '../order-status/order-status';
import { OrderStatusCache } from '../order-status/order-status-cache';
import { ProjectionRegistry } from '../registry/projection-registry';
import { consumersTable, orderViewTables, OrderViewTables, restaurantsTable } from '../registry/projection-tables';
import { EventPosition, newerThan, versionAfter } from '../stream-position';
import type { OrderHistoryView, OrderLine, OrderState, OrderSummary, PaymentState, TicketState, TimelineEntry } from './order-history.view';
import { cents } from '../money';

/**
 * The denormalised order view (`oh_orders_v<N>` + `oh_order_timeline_v<N>`), fed by the durables of
 * orders, kitchen, accounting and consumers. Events of different contexts arrive in any order
 * (each context is its own stream and durable, and a dead letter may be replayed late), so the
 * view is built to be right whatever the order, by construction:
 *
 * - Any event about an order upserts its row: a ticket or a payment known before the order's
 *   `orders.order.created.v1` fills its own columns; the ids it carries fill missing ones.
 * - The row has independent parts, each written by one producer stream and guarded by the
 *   version of the last event applied from it: details and state (the order's stream), ticket
 *   (the ticket's stream, id = order id), payment (the consumer's account stream: versions grow
 *   along it, so they order one order's payment events too). A part moves only forward: a stale
 *   or replayed event never puts an older state back, and applying an event twice is a no-op.
 * - Names are not copied into the row: consumer and restaurant names live in their dimension
 *   tables and are joined when the order is read, so a registration or a restaurant that arrives
 *   after the order, or a later menu revision, is reflected at once and never lost.
 * - The timeline has one row per event id (inserted with ON CONFLICT DO NOTHING) and is read in
 *   (occurredAt, event id) order: the same set of events gives the same timeline in any order.
 *
 * The consumer's inbox makes each event apply once per durable; the guards above make the view
 * indifferent to what the inbox cannot see (order across durables, replays after newer events).
 * Every write joins the consumer's transaction (currentManager), so it commits with the inbox row.
 *
 * Every statement that changes an order's row adds 1 to its `version` and sets `changed_at`. After
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
export class OrderView {
  constructor(
    private readonly dataSource: DataSource,
    private readonly statuses: OrderStatuses,
    private readonly cache: OrderStatusCache,
    private readonly registry: ProjectionRegistry,
  ) {}

  async placed(order: OrderCreatedV1, at: EventPosition): Promise<void> {
    const lines = order.lineItems.map(({ menuItemId, name, priceCents, quantity }) => ({ menuItemId, name, priceCents, quantity }));
    for (const t of this.writeTables()) {
      await this.touch(t, order, at);
      await this.setPart(t, order.orderId, 'details_version', 'line_items = $3, item_names = $4, order_total_cents = $5, placed_at = $6', at, [
        JSON.stringify(lines),
        lines.map((line) => line.name).join(' '),
        order.orderTotalCents,
        at.occurredAt,
      ]);
      await this.setPart(t, order.orderId, 'order_version', `state = 'APPROVAL_PENDING', rejection_reason = NULL`, at, []);
    }
    await this.statusChanged(order.orderId);
  }

  async decided(ids: OrderIds, state: Exclude<OrderState, 'APPROVAL_PENDING'>, rejectionReason: string | null, at: EventPosition): Promise<void> {
    for (const t of this.writeTables()) {
      await this.touch(t, ids, at);
      await this.setPart(t, ids.orderId, 'order_version', 'state = $3, rejection_reason = $4', at, [state, rejectionReason]);
    }
    await this.statusChanged(ids.orderId);
  }

  /** `reason` and `readyBy` are kept once known: later steps of the ticket do not repeat them. */
  async ticketChanged(ids: OrderIds, change: { state: TicketState; reason?: string; readyBy?: string }, at: EventPosition): Promise<void> {
    for (const t of this.writeTables()) {
      await this.touch(t, ids, at);
      await this.setPart(t, ids.orderId, 'ticket_version', 'ticket_state = $3, ticket_reason = COALESCE($4, ticket_reason)', at, [
        change.state,
        change.reason ?? null,
      ]);
      // A promise made stays a fact even if the acceptance arrives after a newer step of the ticket.
      if (change.readyBy) {
        await this.query(`UPDATE ${t.orders} AS o SET ready_by = $2, ${COUNT_CHANGE} WHERE order_id = $1 AND ready_by IS DISTINCT FROM $2`, [
          ids.orderId,
          change.readyBy,
        ]);
      }
    }
    await this.statusChanged(ids.orderId);
  }

  async paymentChanged(ids: OrderIds, change: { state: PaymentState; amountCents: number; reason?: string }, at: EventPosition): Promise<void> {
    for (const t of this.writeTables()) {
      await this.touch(t, ids, at);
      await this.setPart(
        t,
        ids.orderId,
        'payment_version',
        'payment_state = $3, payment_amount_cents = $4, payment_reason = COALESCE($5, payment_reason)',
        at,
        [change.state, change.amountCents, change.reason ?? null],
      );
    }
    await this.statusChanged(ids.orderId);
  }

  /** An event that changes no part of the view but belongs on the order's timeline (a consumer verdict). */
  async noted(ids: OrderIds, at: EventPosition): Promise<void> {
    for (const t of this.writeTables()) await this.touch(t, ids, at);
    await this.statusChanged(ids.orderId);
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
      ticket: row.ticket_state === null ? null : { state: row.ticket_state, readyBy: row.ready_by?.toISOString() ?? null, reason: row.ticket_reason },
      payment:
        row.payment_state === null ? null : { state: row.payment_state, amountCents: cents(row.payment_amount_cents), reason: row.payment_reason },
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
   * The row exists from the first event about the order, whichever it is; ids carried by the
   * event fill those still missing. The event joins the timeline (once per event id).
   */
  private async touch(t: OrderViewTables, ids: OrderIds, at: EventPosition): Promise<void> {
    await this.query(
      `INSERT INTO ${t.orders} AS o (order_id, consumer_id, restaurant_id, version, changed_at) VALUES ($1, $2, $3, 1, now())
       ON CONFLICT (order_id) DO UPDATE SET consumer_id = COALESCE(o.consumer_id, EXCLUDED.consumer_id),
         restaurant_id = COALESCE(o.restaurant_id, EXCLUDED.restaurant_id), ${COUNT_CHANGE}
       WHERE (o.consumer_id IS NULL AND EXCLUDED.consumer_id IS NOT NULL) OR (o.restaurant_id IS NULL AND EXCLUDED.restaurant_id IS NOT NULL)`,
      [ids.orderId, ids.consumerId ?? null, ids.restaurantId ?? null],
    );
    await this.query(
      `INSERT INTO ${t.timeline} (order_id, event_id, subject, occurred_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (order_id, event_id) DO NOTHING`,
      [ids.orderId, at.eventId, at.subject, at.occurredAt],
    );
  }

  /** Writes one part of the row if the event is newer than the last one applied to that part. */
  private async setPart(t: OrderViewTables, orderId: string, versionColumn: VersionColumn, assignments: string, at: EventPosition, values: unknown[]): Promise<void> {
    await this.query(
      `UPDATE ${t.orders} AS o SET ${assignments}, ${versionColumn} = ${versionAfter(versionColumn, '$2')}, ${COUNT_CHANGE}
       WHERE order_id = $1 AND ${newerThan(versionColumn, '$2')}`,
      [orderId, at.version, ...values],
    );
  }

  /**
   * The order's status as this transaction leaves it, for Redis once it has committed. Written
   * even when this event changed nothing: the row lock makes it the latest, and the cache keeps
   * the larger version anyway. A duplicate's transaction rolls back, and its hook never runs.
   */
  private async statusChanged(orderId: string): Promise<void> {
    if (!this.registry.isLive()) return;
    const viewVersion = this.registry.activeVersion('order-view');
    const status = await this.statuses.lockedForCommit(orderId, viewVersion);
    if (status) afterCommit(this.dataSource, () => this.cache.committed(status, viewVersion));
  }

  private writeTables(): OrderViewTables[] {
    return this.registry.writeVersions('order-view').map(orderViewTables);
  }

  private readTables(): ReadTables {
    return {
      ...orderViewTables(this.registry.activeVersion('order-view')),
      consumers: consumersTable(this.registry.activeVersion('consumer-directory')),
      restaurants: restaurantsTable(this.registry.activeVersion('restaurant-directory')),
    };
  }

  private query<T>(sql: string, values: unknown[]): Promise<T> {
    return currentManager(this.dataSource).query(sql, values);
  }
}

/** The ids an event carries besides the order's. */
export interface OrderIds {
  readonly orderId: string;
  readonly consumerId?: string;
  readonly restaurantId?: string;
}

type VersionColumn = 'details_version' | 'order_version' | 'ticket_version' | 'payment_version';

/** Part of every UPDATE of an order's row: one more change (the row's `version`), and when. */
const COUNT_CHANGE = 'version = o.version + 1, changed_at = now()';

/** The active versions of the order view and of the directories joined to it. */
interface ReadTables extends OrderViewTables {
  readonly consumers: string;
  readonly restaurants: string;
}

const selectOrders = (t: ReadTables): string => `
  SELECT o.*, c.first_name, c.last_name, r.name AS restaurant_name,
    to_char(o.placed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS placed_at_exact
  FROM ${t.orders} o
  LEFT JOIN ${t.consumers} c ON c.consumer_id = o.consumer_id
  LEFT JOIN ${t.restaurants} r ON r.restaurant_id = o.restaurant_id`;

interface OrderRow {
  order_id: string;
  consumer_id: string | null;
  restaurant_id: string | null;
  line_items: OrderLine[] | null;
  /** bigint: the driver hands it over as text. */
  order_total_cents: string | null;
  placed_at: Date | null;
  state: OrderState | null;
  rejection_reason: string | null;
  ticket_state: TicketState | null;
  ticket_reason: string | null;
  ready_by: Date | null;
  payment_state: PaymentState | null;
  payment_amount_cents: string | null;
  payment_reason: string | null;
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
  };
}
