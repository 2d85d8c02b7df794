import { currentManager, inTransaction, writeAtCommit } from '@brigade/event-store';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { PaymentStatus } from '../../domain/payment.state';

/** One order's payment as a consumer's account lists it. */
export interface PaymentRow {
  readonly orderId: string;
  readonly consumerId: string;
  readonly status: PaymentStatus;
  /** What is (or was, once voided or captured) held for the order; for a decline, the total declined. */
  readonly amountCents: number;
  /** The payment stream's version this row shows: a slower writer never puts an older state back. */
  readonly version: number;
}

const UPSERT = `INSERT INTO accounting_payments (order_id, consumer_id, status, amount_cents, version)
  VALUES ($1, $2, $3, $4, $5)
  ON CONFLICT (order_id) DO UPDATE SET status = EXCLUDED.status, amount_cents = EXCLUDED.amount_cents,
    version = EXCLUDED.version, updated_at = now()
  WHERE accounting_payments.version < EXCLUDED.version`;

/**
 * `accounting_payments`: every order's payment as it now is, written in the transaction that
 * appends the payment's events (never behind its stream). Read a bounded page at a time, newest
 * first, through the (consumer_id, seq) index: an account with thousands of orders costs a
 * GET no more than one with fifty.
 */
@Injectable()
export class PaymentViewProjection {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * In a transaction the upsert goes with the COMMIT, in its round trip (nothing in the
   * transaction reads the row after it); outside one, at once.
   */
  async save(row: PaymentRow): Promise<void> {
    const values = [row.orderId, row.consumerId, row.status, row.amountCents, row.version];
    if (inTransaction(this.dataSource)) writeAtCommit(this.dataSource, { name: 'accounting_payment_view_upsert', text: UPSERT, values });
    else await this.dataSource.query(UPSERT, values);
  }

  /** The consumer's `limit` most recent payments, newest first (by when the order was first answered). */
  async newestOf(consumerId: string, limit: number): Promise<PaymentRow[]> {
    const rows: Array<{ order_id: string; consumer_id: string; status: PaymentStatus; amount_cents: string; version: number }> = await currentManager(
      this.dataSource,
    ).query(
      `SELECT order_id, consumer_id, status, amount_cents, version FROM accounting_payments
       WHERE consumer_id = $1 ORDER BY seq DESC LIMIT $2`,
      [consumerId, limit],
    );
    return rows.map((row) => ({
      orderId: row.order_id,
      consumerId: row.consumer_id,
      status: row.status,
      amountCents: Number(row.amount_cents),
      version: row.version,
    }));
  }
}
