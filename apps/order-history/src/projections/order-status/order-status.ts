import { currentManager, PipelinedStatement, preparedStatementName } from '@brigade/event-store';
import { Injectable } from '@nestjs/common';
import type { QueryResult } from 'pg';
import { DataSource } from 'typeorm';
import type { DeliveryState, OrderState, PaymentState, TicketState } from '../order-view/order-history.view';
import { ProjectionRegistry } from '../registry/projection-registry';
import { orderViewTables } from '../registry/projection-tables';
import { cents } from '../money';

/**
 * The hot path's answer: where an order stands, small enough to be read from Redis on every poll
 * of a tracking page. `version` counts the changes of the order's row: a larger one is newer.
 */
export interface OrderStatus {
  readonly orderId: string;
  readonly state: OrderState | null;
  readonly rejectionReason: string | null;
  readonly ticketState: TicketState | null;
  /** Promised by the restaurant when it accepted the ticket. */
  readonly readyBy: string | null;
  readonly paymentState: PaymentState | null;
  readonly orderTotalCents: number | null;
  readonly deliveryState: DeliveryState | null;
  /** The courier bringing it, once one is assigned. */
  readonly courierId: string | null;
  readonly version: number;
}

/**
 * A status with whose order it is (null until an event naming the consumer has arrived): kept
 * beside the status wherever it is stored, so the hot path checks the owner without another read.
 * The owner is not part of the answer.
 */
export interface OwnedOrderStatus {
  readonly status: OrderStatus;
  readonly consumerId: string | null;
}

/** Where an order's status comes from: PostgreSQL, the source of truth, or the Redis copy of it. */
export type StatusSource = 'redis' | 'postgres';

/**
 * Order statuses read from the order view's table, the source of truth that the Redis copy is made from and falls back to.
 * Versions count the changes of one version of the order view (`viewVersion`): a rebuilt version counts afresh.
 */
@Injectable()
export class OrderStatuses {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: ProjectionRegistry,
  ) {}

  /** From the active version of the order view. */
  async find(orderId: string): Promise<OwnedOrderStatus | null> {
    const [row]: StatusRow[] = await currentManager(this.dataSource).query(`${selectStatus(this.activeVersion())} WHERE order_id = $1`, [orderId]);
    return row ? ownedStatusOf(row) : null;
  }

  /**
   * The read of an order's status inside the transaction that just changed it, locked until it
   * commits: no other change to the order can commit in between, so it reads exactly what the
   * commit makes visible, and a later change has a larger version. Queued by the caller behind its
   * writes, with the COMMIT; `statusOf` reads its answer.
   */
  lockedForCommit(orderId: string, viewVersion: number): { statement: PipelinedStatement; statusOf(result: QueryResult): OwnedOrderStatus | null } {
    const text = `${selectStatus(viewVersion)} WHERE order_id = $1 FOR UPDATE`;
    return {
      statement: { name: preparedStatementName(text), text, values: [orderId] },
      statusOf: (result) => {
        const [row] = result.rows as StatusRow[];
        return row ? ownedStatusOf(row) : null;
      },
    };
  }

  /**
   * One page of the orders changed since `since`, most recently changed first, after `after`
   * (the last entry of the previous page) when given. From `viewVersion` of the order view.
   */
  async recentlyChanged(
    viewVersion: number,
    since: Date,
    after: ChangeKey | null,
    limit: number,
  ): Promise<Array<{ owned: OwnedOrderStatus; key: ChangeKey }>> {
    const rows: Array<StatusRow & { changed_at_exact: string }> = await this.dataSource.query(
      `${selectStatusAndChange(viewVersion)}
       WHERE changed_at > $1 AND ($2::timestamptz IS NULL OR (changed_at, order_id) < ($2::timestamptz, $3::uuid))
       ORDER BY changed_at DESC, order_id DESC
       LIMIT $4`,
      [since, after?.changedAt ?? null, after?.orderId ?? null, limit],
    );
    return rows.map((row) => ({ owned: ownedStatusOf(row), key: { changedAt: row.changed_at_exact, orderId: row.order_id } }));
  }

  /** Resolves once the versions of the order view are known (the registry is loaded). */
  ready(): Promise<void> {
    return this.registry.load();
  }

  /** The version of the order view that queries read. */
  activeVersion(): number {
    return this.registry.activeVersion('order-view');
  }
}

/** A position in the most-recently-changed order, exact to the microsecond. */
export interface ChangeKey {
  readonly changedAt: string;
  readonly orderId: string;
}

const STATUS_COLUMNS = 'order_id, consumer_id, state, rejection_reason, ticket_state, ready_by, payment_state, order_total_cents, delivery_state, courier_id, version';
const selectStatus = (viewVersion: number): string => `SELECT ${STATUS_COLUMNS} FROM ${orderViewTables(viewVersion).orders}`;
const selectStatusAndChange = (viewVersion: number): string => `
  SELECT ${STATUS_COLUMNS}, to_char(changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS changed_at_exact
  FROM ${orderViewTables(viewVersion).orders}`;

interface StatusRow {
  order_id: string;
  consumer_id: string | null;
  state: OrderState | null;
  rejection_reason: string | null;
  ticket_state: TicketState | null;
  ready_by: Date | null;
  payment_state: PaymentState | null;
  /** bigint: the driver hands it over as text. */
  order_total_cents: string | null;
  delivery_state: DeliveryState | null;
  courier_id: string | null;
  version: number;
}

function ownedStatusOf(row: StatusRow): OwnedOrderStatus {
  return { status: statusOf(row), consumerId: row.consumer_id };
}

function statusOf(row: StatusRow): OrderStatus {
  return {
    orderId: row.order_id,
    state: row.state,
    rejectionReason: row.rejection_reason,
    ticketState: row.ticket_state,
    readyBy: row.ready_by?.toISOString() ?? null,
    paymentState: row.payment_state,
    orderTotalCents: cents(row.order_total_cents),
    deliveryState: row.delivery_state,
    courierId: row.courier_id,
    version: row.version,
  };
}
