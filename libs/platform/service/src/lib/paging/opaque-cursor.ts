const VERSION = 1;
const BASE64URL = /^[A-Za-z0-9_-]{1,200}$/;

/**
 * The cursor of a paged list as clients see it: base64url of a small versioned JSON document, so
 * its format can change without breaking them; a client only passes it back. Each list decides
 * what its key fields are and checks them on the way back in.
 */
export function encodeOpaqueCursor(key: Readonly<Record<string, string>>): string {
  return Buffer.from(JSON.stringify({ ...key, v: VERSION })).toString('base64url');
}

/** The key fields a cursor carries; null for anything that is not a cursor of this version. */
export function decodeOpaqueCursor(cursor: string): Readonly<Record<string, unknown>> | null {
  if (!BASE64URL.test(cursor)) return null;
  let document: unknown;
  try {
    document = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return null;
  const { v, ...key } = document as Record<string, unknown>;
  return v === VERSION ? key : null;
}
