import { decodeOpaqueCursor, encodeOpaqueCursor } from '@brigade/service';

/**
 * Where a page of a consumer's history ended: the last order's placedAt, exactly as stored
 * (UTC, microseconds, so no order is skipped or repeated at a page boundary), and its id.
 */
export interface OrderKey {
  /** `YYYY-MM-DDTHH:MM:SS.ffffffZ`. */
  readonly placedAt: string;
  readonly orderId: string;
}

const EXACT_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The cursor handed to clients (opaque: see encodeOpaqueCursor). */
export function encodeCursor(key: OrderKey): string {
  return encodeOpaqueCursor({ p: key.placedAt, o: key.orderId });
}

/** The key a cursor stands for; null for anything this service did not hand out. */
export function decodeCursor(cursor: string): OrderKey | null {
  const { p, o } = decodeOpaqueCursor(cursor) ?? {};
  if (typeof p !== 'string' || typeof o !== 'string') return null;
  if (!EXACT_UTC.test(p) || Number.isNaN(Date.parse(p)) || !UUID.test(o)) return null;
  return { placedAt: p, orderId: o };
}
