import type { JsMsg } from '@nats-io/jetstream';

/**
 * The header block of a delivered message exactly as it came off the wire: its bytes, `null` when
 * the message carries no headers, `undefined` when the installed client does not expose them.
 *
 * Why reach into the client: `msg.headers` decodes the block into a Map of arrays, canonicalising
 * and validating every key and value; for a consumer that keeps each header's first value only,
 * that was ~300 ms of header decoding plus its garbage in a 54,600-message replay. With
 * @nats-io/nats-core 3.4 a JsMsgImpl holds its MsgImpl as `msg`, whose `_rdata` is the header
 * block followed by the payload and `_msg.hdr` the block's length (-1 without headers). These are
 * private fields, so every shape is checked at run time and anything else answers `undefined`
 * (the caller then uses `msg.headers`, with the same result). The received-headers integration
 * spec fails if real messages stop taking this path, rather than letting an upgrade go slow quietly.
 */
export function receivedHeaderBlock(msg: JsMsg): Uint8Array | null | undefined {
  const wire = (msg as unknown as { readonly msg?: unknown }).msg;
  if (!isWireMessage(wire)) return undefined;
  const length = wire._msg.hdr;
  if (length === -1) return null;
  if (!(wire._rdata instanceof Uint8Array) || length > wire._rdata.length) return undefined;
  return wire._rdata.subarray(0, length);
}

/** The private parts of nats-core's MsgImpl this relies on. */
interface WireMessage {
  readonly _rdata?: unknown;
  readonly _msg: { readonly hdr: number };
}

function isWireMessage(value: unknown): value is WireMessage {
  if (typeof value !== 'object' || value === null) return false;
  const parsed = (value as { readonly _msg?: unknown })._msg;
  if (typeof parsed !== 'object' || parsed === null) return false;
  const length = (parsed as { readonly hdr?: unknown }).hdr;
  return typeof length === 'number' && Number.isInteger(length) && length >= -1;
}
