import { currentManager, inTransaction, writeAtCommit } from '@brigade/event-store';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { TicketView } from '../../application/get-ticket/ticket.view';
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
}

const UPSERT = `INSERT INTO kitchen_tickets (order_id, restaurant_id, state, line_items, ready_by, reason, pending_revision, version)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
  ON CONFLICT (order_id) DO UPDATE SET state = EXCLUDED.state, line_items = EXCLUDED.line_items,
    ready_by = EXCLUDED.ready_by, reason = EXCLUDED.reason, pending_revision = EXCLUDED.pending_revision,
    version = EXCLUDED.version, updated_at = now()
  WHERE kitchen_tickets.version < EXCLUDED.version`;

/**
 * `kitchen_tickets`: each ticket as it now is, for listing a restaurant's tickets by state.
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

  /** Oldest first: the order a kitchen works in. */
  async ofRestaurant(restaurantId: string, state?: TicketLifecycleState): Promise<TicketView[]> {
    const rows: TicketRow[] = await currentManager(this.dataSource).query(
      `SELECT order_id, restaurant_id, state, line_items, ready_by, reason, pending_revision, version FROM kitchen_tickets
       WHERE restaurant_id = $1 AND ($2::text IS NULL OR state = $2::text) ORDER BY created_at, order_id`,
      [restaurantId, state ?? null],
    );
    return rows.map((row) => ({
      orderId: row.order_id,
      restaurantId: row.restaurant_id,
      state: row.state,
      lineItems: row.line_items,
      readyBy: row.ready_by ? row.ready_by.toISOString() : null,
      reason: row.reason,
      pendingRevision: row.pending_revision,
      version: row.version,
    }));
  }
}
