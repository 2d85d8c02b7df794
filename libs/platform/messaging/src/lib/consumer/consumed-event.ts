import type { Actor, EventMetadata } from '@brigade/event-store';
import type { JsMsg } from '@nats-io/jetstream';
import type { MsgHdrs } from '@nats-io/transport-node';
import { Headers, Namespace, unprefixed } from '../jetstream/naming';
import { firstHeaderValues } from './header-block';
import { receivedHeaderBlock } from './received-header-block';

/** A message as it came off the producing context's stream (or out of the dead-letter stream). */
export interface RawMessage {
  /** As on the wire (prefixed). */
  readonly subject: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
  readonly streamSequence: number;
  /** ISO time the stream stored it. */
  readonly publishedAt: string;
}

/** What a handler learns about the message it is given, besides the body. */
export interface ConsumedEvent {
  readonly eventId: string;
  /** Without the namespace prefix, e.g. `restaurants.restaurant.opened.v1`. */
  readonly subject: string;
  /** Brigade-Aggregate-Id; null when the producer did not set it (then ordered as one partition). */
  readonly aggregateId: string | null;
  readonly streamVersion: number | null;
  readonly metadata: EventMetadata;
  /** Parsed JSON body (the contract payload). */
  readonly data: unknown;
  /** Every header as received; kept so a parked message carries them unchanged. */
  readonly headers: Readonly<Record<string, string>>;
  /** The message's sequence in the producing context's stream. */
  readonly streamSequence: number;
}

/** A message that can never be processed as it is (no event id, not JSON): parked at once. */
export class UnreadableMessageError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'UnreadableMessageError';
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
const SYSTEM_ACTOR: Actor = { id: 'system', role: 'system' };
const decoder = new TextDecoder();

/**
 * Every header's first value by its exact name. Walks the header map once: `MsgHdrs.get(key)`
 * lists and filters every key on each call, which made this loop quadratic, on every message.
 */
export function headerRecord(h: MsgHdrs | undefined): Record<string, string> {
  const record: Record<string, string> = {};
  if (!h) return record;
  for (const [key, values] of h) record[key] = values[0] ?? '';
  return record;
}

/**
 * A delivered JetStream message as the consumer keeps it (and parks it, unchanged).
 *
 * `streamSequence` and `publishedAt` come from the client's delivery info: both callers (the
 * durable worker, the projection replay) read `msg.info`/`msg.seq` first anyway, so a reading of
 * the reply subject of our own would save nothing (measured). `publishedAt` is a getter: it is
 * needed only when a message lacks Brigade-Occurred-At, and building the Date and its ISO string
 * for every message was ~1 µs of ~6.
 */
export function rawMessageOf(msg: JsMsg): RawMessage {
  return {
    subject: msg.subject,
    headers: receivedHeaders(msg),
    body: msg.data,
    streamSequence: msg.seq,
    get publishedAt() {
      return msg.time.toISOString();
    },
  };
}

/**
 * `headerRecord(msg.headers)`, read from the received bytes when the client exposes them (see
 * receivedHeaderBlock on why); a block the client would refuse goes through `msg.headers` too.
 */
function receivedHeaders(msg: JsMsg): Record<string, string> {
  const block = receivedHeaderBlock(msg);
  if (block === null) return {};
  return (block && firstHeaderValues(block)) ?? headerRecord(msg.headers);
}

/**
 * Reads the wire form the relay writes: body = contract JSON, metadata in headers. The event id
 * comes from Brigade-Event-Id (falling back to Nats-Msg-Id), never from the stream sequence,
 * so a re-published copy is recognised as the same event.
 */
export function readConsumedEvent(ns: Namespace, raw: RawMessage): ConsumedEvent {
  const h = raw.headers;
  const eventId = h[Headers.EventId] || h[Headers.MsgId];
  if (!eventId || !isUuid(eventId)) throw new UnreadableMessageError(`no event id (uuid) in ${Headers.EventId} or ${Headers.MsgId}`);
  let data: unknown;
  try {
    data = JSON.parse(decoder.decode(raw.body));
  } catch {
    throw new UnreadableMessageError('body is not JSON');
  }
  const version = Number(h[Headers.StreamVersion]);
  return {
    eventId: eventId.toLowerCase(),
    subject: unprefixed(ns, raw.subject),
    aggregateId: h[Headers.AggregateId] || null,
    streamVersion: Number.isInteger(version) && version > 0 ? version : null,
    metadata: {
      correlationId: h[Headers.CorrelationId] || eventId,
      causationId: h[Headers.CausationId] || null,
      actor: parseActor(h[Headers.Actor]),
      occurredAt: h[Headers.OccurredAt] || raw.publishedAt,
    },
    data,
    headers: h,
    streamSequence: raw.streamSequence,
  };
}

function parseActor(header: string | undefined): Actor {
  if (!header) return SYSTEM_ACTOR;
  try {
    const actor = JSON.parse(header) as Partial<Actor>;
    return typeof actor.id === 'string' && typeof actor.role === 'string' ? (actor as Actor) : SYSTEM_ACTOR;
  } catch {
    return SYSTEM_ACTOR;
  }
}
