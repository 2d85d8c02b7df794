import type { StoredEvent } from '@brigade/event-store';
import { MsgHdrs, headers } from '@nats-io/transport-node';
import { Headers, Namespace, prefixed } from '../jetstream/naming';
import { formatPosition } from './position';
import { EventMapping } from './relay-types';

export interface OutgoingMessage {
  readonly event: StoredEvent;
  readonly subject: string;
  readonly body: Uint8Array;
  readonly headers: MsgHdrs;
}

const encoder = new TextEncoder();

/**
 * The wire form of one event: body = the contract payload as JSON, everything else in headers.
 * A subject outside the context's stream is a mapping bug; it is refused loudly rather than
 * published somewhere no consumer looks.
 */
export function toOutgoingMessage(event: StoredEvent, mapping: EventMapping, ns: Namespace, context: string): OutgoingMessage {
  if (!mapping.subject.startsWith(`${context}.`)) {
    throw new Error(`mapEvent gave subject "${mapping.subject}" for ${event.type}; it must start with "${context}."`);
  }
  const h = headers();
  h.set(Headers.EventId, event.eventId);
  h.set(Headers.EventType, event.type);
  h.set(Headers.AggregateId, event.streamId);
  h.set(Headers.StreamVersion, String(event.streamVersion));
  h.set(Headers.Position, formatPosition(event.position));
  h.set(Headers.CorrelationId, event.metadata.correlationId);
  if (event.metadata.causationId) h.set(Headers.CausationId, event.metadata.causationId);
  h.set(Headers.Actor, JSON.stringify(event.metadata.actor));
  h.set(Headers.OccurredAt, event.metadata.occurredAt);
  return { event, subject: prefixed(ns, mapping.subject), body: encoder.encode(JSON.stringify(mapping.payload)), headers: h };
}
