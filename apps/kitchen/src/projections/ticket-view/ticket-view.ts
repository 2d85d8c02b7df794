import { currentManager, inTransaction, writeAtCommit } from '@brigade/event-store';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { TicketView } from '../../application/get-ticket/ticket.view';
import type { TicketKey } from '../../application/list-restaurant-tickets/ticket-cursor';
import type { TicketLifecycleState } from '../../domain/ticket.state';

interface TicketRow {
  order_id: string;
  restaurant_id: string;
  state: TicketLifecycleState;
  line_items: TicketView['lineItems'];
  ready_by: Date | null;
  reason: string | null;
  pending_revision: number | null;
  version: number;
  /** `YYYY-MM-DDTHH:MM:SS.ffffffZ`: the page key, to the microsecond a JavaScript Date would lose. */
  created_at_exact: string;
}

const UPSERT = `INSERT INTO kitchen_tickets (order_id, restaurant_id, state, line_items, ready_by, reason, pending_revision, version)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
  ON CONFLICT (order_id) DO UPDATE SET state = EXCLUDED.state, line_items = EXCLUDED.line_items,
    ready_by = EXCLUDED.ready_by, reason = EXCLUDED.reason, pending_revision = EXCLUDED.pending_revision,
    version = EXCLUDED.version, updated_at = now()
  WHERE kitchen_tickets.version < EXCLUDED.version`;

/**
 * `kitchen_tickets`: each ticket as it now is, for listing a restaurant's tickets (by state), a page at a time.
 * Written in the transaction that appends the ticket's events (never behind its stream);
 * the version guard keeps a slower writer from putting an older state back.
 */
@Injectable()
export class TicketViewProjection {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * In a transaction the upsert goes with the COMMIT, in its round trip (nothing reads its answer,
   * and nothing in the transaction reads the row after it); outside one, at once.
   */
  async save(view: TicketView): Promise<void> {
    const values = [
      view.orderId,
      view.restaurantId,
      view.state,
      JSON.stringify(view.lineItems),
      view.readyBy,
      view.reason,
      view.pendingRevision,
      view.version,
    ];
    if (inTransaction(this.dataSource)) writeAtCommit(this.dataSource, { name: 'kitchen_ticket_view_upsert', text: UPSERT, values });
    else await this.dataSource.query(UPSERT, values);
  }

  /**
   * Oldest first (creation time, then order id): the order a kitchen works in, stable from page
   * to page. After `after` when given; each entry carries its exact key (microseconds), from which
   * the next page's cursor is made.
   */
  async ofRestaurant(
    restaurantId: string,
    filter: { state?: TicketLifecycleState; after?: TicketKey; limit: number },
  ): Promise<Array<{ ticket: TicketView; key: TicketKey }>> {
    const rows: TicketRow[] = await currentManager(this.dataSource).query(
      `SELECT order_id, restaurant_id, state, line_items, ready_by, reason, pending_revision, version,
         to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at_exact
       FROM kitchen_tickets
       WHERE restaurant_id = $1 AND ($2::text IS NULL OR state = $2::text)
         AND ($3::timestamptz IS NULL OR (created_at, order_id) > ($3::timestamptz, $4::uuid))
       ORDER BY created_at, order_id
       LIMIT $5`,
      [restaurantId, filter.state ?? null, filter.after?.createdAt ?? null, filter.after?.orderId ?? null, filter.limit],
    );
    return rows.map((row) => ({ ticket: toView(row), key: { createdAt: row.created_at_exact, orderId: row.order_id } }));
  }
}

function toView(row: TicketRow): TicketView {
  return {
    orderId: row.order_id,
    restaurantId: row.restaurant_id,
    state: row.state,
    lineItems: row.line_items,
    readyBy: row.ready_by ? row.ready_by.toISOString() : null,
    reason: row.reason,
    pendingRevision: row.pending_revision,
    version: row.version,
  };
}
