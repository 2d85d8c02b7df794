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

/** A payment as a page lists it, with its place in the account's newest-first order. */
export interface ListedPayment extends PaymentRow {
  /** `seq` as a decimal string (a bigint): unique, larger for a payment answered later. */
  readonly seq: string;
}

export interface PaymentSlice {
  /** Only payments listed after this one (smaller seq); from the newest when absent. */
  readonly before?: string;
  readonly limit: number;
}

const COLUMNS = 'order_id, consumer_id, status, amount_cents, version, seq::text AS seq';
// Two texts rather than one with `$2 IS NULL OR …`: each keeps a plain index range scan.
const NEWEST = `SELECT ${COLUMNS} FROM accounting_payments WHERE consumer_id = $1 ORDER BY seq DESC LIMIT $2`;
const NEWEST_BEFORE = `SELECT ${COLUMNS} FROM accounting_payments WHERE consumer_id = $1 AND seq < $3 ORDER BY seq DESC LIMIT $2`;

const UPSERT = `INSERT INTO accounting_payments (order_id, consumer_id, status, amount_cents, version)
  VALUES ($1, $2, $3, $4, $5)
  ON CONFLICT (order_id) DO UPDATE SET status = EXCLUDED.status, amount_cents = EXCLUDED.amount_cents,
    version = EXCLUDED.version, updated_at = now()
  WHERE accounting_payments.version < EXCLUDED.version`;

/**
 * `accounting_payments`: every order's payment as it now is, written in the transaction that
 * appends the payment's events (never behind its stream). Read a bounded page at a time, newest
 * first, through the (consumer_id, seq) index, resuming below the last seq shown (keyset): an
 * account with thousands of orders costs a page no more than one with fifty.
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

  /** The consumer's payments newest first (by when the order was first answered): `limit` of them, below `before` if given. */
  async newestOf(consumerId: string, slice: PaymentSlice): Promise<ListedPayment[]> {
    const [text, values] = slice.before === undefined ? [NEWEST, [consumerId, slice.limit]] : [NEWEST_BEFORE, [consumerId, slice.limit, slice.before]];
    const rows: Array<{ order_id: string; consumer_id: string; status: PaymentStatus; amount_cents: string; version: number; seq: string }> =
      await currentManager(this.dataSource).query(text, values);
    return rows.map((row) => ({
      orderId: row.order_id,
      consumerId: row.consumer_id,
      status: row.status,
      amountCents: Number(row.amount_cents),
      version: row.version,
      seq: row.seq,
    }));
  }
}
