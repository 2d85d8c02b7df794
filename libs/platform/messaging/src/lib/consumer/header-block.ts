/**
 * Reads a NATS header block (`NATS/1.0[ <status>[ <description>]]\r\n`, then `Key: Value\r\n`
 * lines, then `\r\n`) straight into each header's first value by its exact name: the same record
 * `headerRecord(MsgHdrsImpl.decode(block))` gives, without the client's Map of arrays, its key
 * canonicalisation or its per-header validation regex (about 300 ms of a 54,600-message replay,
 * plus the garbage). One decode of the whole block, then one pass over its lines.
 *
 * The client's rules, kept to the letter:
 * - the first line (status) never yields a header, whatever it holds;
 * - lines are separated by CRLF only; an empty line, or one without ':', is skipped;
 * - the key is everything before the first ':' (not trimmed, case kept), the value everything
 *   after it, trimmed (`String.prototype.trim`); a value may itself contain ':';
 * - a repeated key keeps its first value.
 *
 * Answers `null` for a block the client refuses to decode (it throws): a key with a character
 * outside printable ASCII (33..126, e.g. a space before the ':'), or a value with a CR or LF
 * inside. The caller then lets the client decode it, so such a message fails exactly as before.
 */
export function firstHeaderValues(block: Uint8Array): Record<string, string> | null {
  // Default options, like the client's decoder: invalid UTF-8 becomes U+FFFD, a leading BOM is dropped.
  const text = decoder.decode(block);
  // Same prototype as `headerRecord`'s record, so odd keys (`__proto__`, `toString`) land alike.
  const record: Record<string, string> = {};
  let start = text.indexOf(CRLF);
  if (start < 0) return record; // a status line only
  start += CRLF.length;
  while (start < text.length) {
    let end = text.indexOf(CRLF, start);
    if (end < 0) end = text.length;
    const colon = lineColon(text, start, end);
    if (colon >= 0) {
      if (!isHeaderName(text, start, colon)) return null;
      const value = text.slice(colon + 1, end).trim();
      if (value.includes('\r') || value.includes('\n')) return null;
      const key = text.slice(start, colon);
      if (!Object.hasOwn(record, key)) record[key] = value;
    }
    start = end + CRLF.length;
  }
  return record;
}

const decoder = new TextDecoder();
const CRLF = '\r\n';
const COLON = 58;
/** The printable ASCII range the client accepts in a header name (`canonicalMIMEHeaderKey`). */
const FIRST_NAME_CHAR = 33;
const LAST_NAME_CHAR = 126;

/** Position of the line's first ':', -1 when it has none (within the line only). */
function lineColon(text: string, start: number, end: number): number {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === COLON) return i;
  return -1;
}

function isHeaderName(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < FIRST_NAME_CHAR || c > LAST_NAME_CHAR) return false;
  }
  return true;
}
