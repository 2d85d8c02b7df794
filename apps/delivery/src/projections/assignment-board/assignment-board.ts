import { currentManager } from '@brigade/event-store';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AssignmentBoard } from '../../domain/assignment.decider';

/** How much of each line a decision reads: enough to match everyone who can be matched now (normally one). */
const HEAD = 16;

/** Taken by every decision that matches nothing (see readLocked); PostgreSQL releases it at the transaction's end. */
const LOCK = `SELECT pg_advisory_xact_lock(hashtextextended('delivery:assignment-board', 0))`;

const READ = `SELECT
  ARRAY(SELECT courier_id::text FROM delivery_free_couriers ORDER BY position LIMIT ${HEAD}) AS free,
  ARRAY(SELECT order_id::text FROM delivery_waiting_deliveries ORDER BY position LIMIT ${HEAD}) AS waiting`;

/**
 * The assignment board (`delivery_free_couriers`, `delivery_waiting_deliveries`): a view of the
 * couriers' and deliveries' states, written by their command runners in the transaction that
 * appends their events (never behind the streams, and durable: a restart loses no one in line).
 * Writes are sent at once, not with the COMMIT: a later decision of the same transaction reads them.
 */
@Injectable()
export class AssignmentBoardProjection {
  constructor(private readonly dataSource: DataSource) {}

  /** Joining the line keeps an earlier place; leaving it forgets it. */
  async courierFree(courierId: string, free: boolean): Promise<void> {
    await currentManager(this.dataSource).query(
      free
        ? `INSERT INTO delivery_free_couriers (courier_id) VALUES ($1) ON CONFLICT (courier_id) DO NOTHING`
        : `DELETE FROM delivery_free_couriers WHERE courier_id = $1`,
      [courierId],
    );
  }

  async deliveryWaiting(orderId: string, waiting: boolean): Promise<void> {
    await currentManager(this.dataSource).query(
      waiting
        ? `INSERT INTO delivery_waiting_deliveries (order_id) VALUES ($1) ON CONFLICT (order_id) DO NOTHING`
        : `DELETE FROM delivery_waiting_deliveries WHERE order_id = $1`,
      [orderId],
    );
  }

  /** The heads of both lines, as committed (plus this transaction's own writes). */
  async read(): Promise<AssignmentBoard> {
    const [row]: Array<{ free: string[]; waiting: string[] }> = await currentManager(this.dataSource).query(READ);
    return { freeCouriers: row.free, waitingDeliveries: row.waiting };
  }

  /**
   * The board once no other transaction holds the board's lock. Two transactions that each
   * match nothing (a delivery starts waiting while a courier becomes free) would otherwise both
   * commit unaware of the other, leaving both idle. Under the lock, the later one reads the
   * earlier one's commit (a statement of its own, after the lock: in READ COMMITTED each
   * statement sees what committed before it began) and matches it.
   */
  async readLocked(): Promise<AssignmentBoard> {
    await currentManager(this.dataSource).query(LOCK);
    return this.read();
  }
}
