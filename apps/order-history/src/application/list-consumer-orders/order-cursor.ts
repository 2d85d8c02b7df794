/**
 * Where a page of a consumer's history ended: the last order's placedAt, exactly as stored
 * (UTC, microseconds, so no order is skipped or repeated at a page boundary), and its id.
 */
export interface OrderKey {
  /** `YYYY-MM-DDTHH:MM:SS.ffffffZ`. */
  readonly placedAt: string;
  readonly orderId: string;
}

const VERSION = 1;
const EXACT_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The cursor handed to clients: opaque (base64url of a small versioned JSON document), so its
 * format can change without breaking them; a client only passes it back.
 */
export function encodeCursor(key: OrderKey): string {
  return Buffer.from(JSON.stringify({ v: VERSION, p: key.placedAt, o: key.orderId })).toString('base64url');
}

/** The key a cursor stands for; null for anything this service did not hand out. */
export function decodeCursor(cursor: string): OrderKey | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) return null;
  let document: unknown;
  try {
    document = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof document !== 'object' || document === null) return null;
  const { v, p, o } = document as Record<string, unknown>;
  if (v !== VERSION || typeof p !== 'string' || typeof o !== 'string') return null;
  if (!EXACT_UTC.test(p) || Number.isNaN(Date.parse(p)) || !UUID.test(o)) return null;
  return { placedAt: p, orderId: o };
}
