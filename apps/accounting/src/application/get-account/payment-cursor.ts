import { decodeOpaqueCursor, encodeOpaqueCursor } from '@brigade/service';

/**
 * Where a page of an account's payments ended: the last shown payment's `seq` in
 * `accounting_payments` (unique, the order in which payments were first answered), as a decimal
 * string so a bigint survives exactly.
 */
export type PaymentKey = string;

const SEQ = /^[1-9][0-9]{0,18}$/;
const MAX_SEQ = 2n ** 63n - 1n;

/** The cursor handed to clients (opaque: see encodeOpaqueCursor). */
export function encodePaymentCursor(key: PaymentKey): string {
  return encodeOpaqueCursor({ s: key });
}

/** The key a cursor stands for; null for anything this service did not hand out. */
export function decodePaymentCursor(cursor: string): PaymentKey | null {
  const s = decodeOpaqueCursor(cursor)?.['s'];
  if (typeof s !== 'string' || !SEQ.test(s) || BigInt(s) > MAX_SEQ) return null;
  return s;
}
