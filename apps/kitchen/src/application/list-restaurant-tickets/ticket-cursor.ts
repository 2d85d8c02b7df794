import { decodeOpaqueCursor, encodeOpaqueCursor } from '@brigade/service';

/**
 * Where a page of a restaurant's tickets ended: the last ticket's creation time, exactly as
 * stored (UTC, microseconds, so no ticket is skipped or repeated at a page boundary), and its
 * order id (the tie-break).
 */
export interface TicketKey {
  /** `YYYY-MM-DDTHH:MM:SS.ffffffZ`. */
  readonly createdAt: string;
  readonly orderId: string;
}

const EXACT_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The cursor handed to clients (opaque: see encodeOpaqueCursor). */
export function encodeTicketCursor(key: TicketKey): string {
  return encodeOpaqueCursor({ c: key.createdAt, o: key.orderId });
}

/** The key a cursor stands for; null for anything this service did not hand out. */
export function decodeTicketCursor(cursor: string): TicketKey | null {
  const { c, o } = decodeOpaqueCursor(cursor) ?? {};
  if (typeof c !== 'string' || typeof o !== 'string') return null;
  if (!EXACT_UTC.test(c) || Number.isNaN(Date.parse(c)) || !UUID.test(o)) return null;
  return { createdAt: c, orderId: o };
}
