import { Actor } from '@brigade/event-store';
import { Headers, Namespace, prefixed } from '@brigade/messaging';
import { JetStreamClient } from '@nats-io/jetstream';
import { headers } from '@nats-io/transport-node';
import { randomUUID } from 'node:crypto';

/** A neighbour's event as its relay would publish it. */
export interface FixtureEvent {
  /** The contract subject, without the namespace prefix. */
  readonly subject: string;
  readonly payload: object;
  /** Brigade-Aggregate-Id: the producer's stream id. */
  readonly aggregateId: string;
  /** Brigade-Event-Id; a fresh one by default. */
  readonly eventId?: string;
  /**
   * Nats-Msg-Id; a fresh one on every call by default, so publishing one event twice reaches the
   * consumer twice (a redelivery JetStream's duplicate window cannot hide): only the inbox and
   * the decider may stop it. Pass the event id to let JetStream drop a re-publish instead.
   */
  readonly msgId?: string;
  /** Brigade-Stream-Version, when the consumer orders by it. */
  readonly streamVersion?: number;
  /** Brigade-Event-Type, when the consumer reads it. */
  readonly eventType?: string;
  /** Left out when not given (the consumer then correlates on the event id). */
  readonly correlationId?: string;
  readonly actor?: Actor;
  /** Brigade-Occurred-At (ISO 8601); now by default. For views ordered by when things happened. */
  readonly occurredAt?: string;
}

const TESTER: Actor = { id: 'tester', role: 'admin' };

/** Publishes on the producing context's stream (namespaced subject); answers the event id. */
export async function publishFixture(js: JetStreamClient, ns: Namespace, event: FixtureEvent): Promise<string> {
  const eventId = event.eventId ?? randomUUID();
  const h = headers();
  h.set(Headers.EventId, eventId);
  if (event.eventType !== undefined) h.set(Headers.EventType, event.eventType);
  h.set(Headers.AggregateId, event.aggregateId);
  if (event.streamVersion !== undefined) h.set(Headers.StreamVersion, String(event.streamVersion));
  if (event.correlationId !== undefined) h.set(Headers.CorrelationId, event.correlationId);
  h.set(Headers.Actor, JSON.stringify(event.actor ?? TESTER));
  h.set(Headers.OccurredAt, event.occurredAt ?? new Date().toISOString());
  await js.publish(prefixed(ns, event.subject), JSON.stringify(event.payload), { msgID: event.msgId ?? randomUUID(), headers: h });
  return eventId;
}
