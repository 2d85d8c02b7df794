import { PaymentViewProjection } from '../../projections/payment-view/payment-view';
import type { PaymentPage } from './account.view';
import { decodePaymentCursor, encodePaymentCursor } from './payment-cursor';

/** How many payments a page of an account shows: the answer stays small however many orders the consumer placed. */
export const PaymentPageSize = { default: 20, max: 100 } as const;

/** Which page of an account's payments to show: `cursor` is a `nextCursor` this service answered. */
export interface PageRequest {
  readonly limit: number;
  readonly cursor?: string;
}

export const FIRST_PAGE: PageRequest = { limit: PaymentPageSize.default };

/**
 * Keyset pagination, newest first: one more payment than the page holds is read, to know whether
 * a next page exists; the cursor is the last shown payment's seq, so payments answered meanwhile
 * never shift the pages a client is walking.
 */
export async function readPaymentPage(payments: PaymentViewProjection, consumerId: string, request: PageRequest): Promise<PaymentPage> {
  const before = request.cursor === undefined ? undefined : decodePaymentCursor(request.cursor);
  // The request DTO has refused it already; a miss here is a bug, not a client error.
  if (before === null) throw new Error('an invalid payment cursor passed validation');
  const rows = await payments.newestOf(consumerId, { before, limit: request.limit + 1 });
  const shown = rows.slice(0, request.limit);
  return { payments: shown, nextCursor: rows.length > request.limit ? encodePaymentCursor(shown[shown.length - 1].seq) : null };
}
