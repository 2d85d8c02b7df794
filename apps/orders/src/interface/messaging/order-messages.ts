import type { EventMetadata } from '@brigade/event-store';
import { JetStreamContext, laneByField } from '@brigade/messaging';

// One durable per producing context (a durable reads one stream, and keeps its messages of one
// order in order): `orders--consumer-verdicts`, `orders--kitchen-verdicts`, `orders--payment-verdicts`,
// `orders--delivery-progress`. Other subjects of those contexts that reach a group are acked and
// skipped by the transport. An order's verdicts arrive together, one on each durable: the
// order's lane makes them wait in this process rather than on the saga stream's lock in
// PostgreSQL (where waiting holds a connection and batches can block each other), and what
// waited behind a running verdict runs together in one transaction: the saga's and the order's
// commands decide a later message on the state the earlier one of the transaction left
// (CommandRunner), so they may share one. The order is always found by the payload's orderId,
// never by the message's aggregate id (a payment's is `payment-<orderId>`, a delivery's the orderId).
export const ORDER_LANE = laneByField('order', 'orderId', { oneTransaction: true });

/** A verdict's refusal, or null for a yes, as the saga commands take it. */
export function verdictOf(refusal: string | null): { readonly approved: true } | { readonly approved: false; readonly reason: string } {
  return refusal === null ? { approved: true } : { approved: false, reason: refusal };
}

/** Metadata of what a message causes here: same correlation and actor as the message, caused by it. */
export function causedBy(ctx: JetStreamContext): EventMetadata {
  return ctx.causedBy(new Date().toISOString());
}
