import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { NatsConnection } from '@nats-io/transport-node';
import { Headers } from '../../../src';

export interface PublishedMessage {
  readonly sequence: number;
  readonly subject: string;
  readonly headers: Record<string, string>;
  readonly payload: unknown;
}

/** Every message in the stream, in stream order (an ordered consumer reads it start to end). */
export async function readPublished(nc: NatsConnection, streamName: string): Promise<PublishedMessage[]> {
  const jsm = await jetstreamManager(nc);
  const { state } = await jsm.streams.info(streamName);
  if (state.messages === 0) return [];
  const consumer = await jetstream(nc).consumers.get(streamName);
  const messages = await consumer.consume();
  const published: PublishedMessage[] = [];
  for await (const m of messages) {
    const headers: Record<string, string> = {};
    for (const [key, values] of m.headers ?? []) headers[key] = values[0];
    published.push({ sequence: m.seq, subject: m.subject, headers, payload: m.json() });
    if (m.seq >= state.last_seq) break;
  }
  return published;
}

/** Answers quickly or fails quickly (while the broker is down), so polling it stays responsive. */
export async function streamMessageCount(nc: NatsConnection, streamName: string): Promise<number> {
  const jsm = await jetstreamManager(nc, { checkAPI: false, timeout: 500 });
  return (await jsm.streams.info(streamName)).state.messages;
}

export interface ExpectedEvent {
  readonly aggregateId: string;
  readonly version: number;
}

/**
 * What breaks "each event exactly once, each stream's events in order": an event id missing,
 * unexpected or published twice, or an aggregate whose versions appear in another order than
 * the store's. `expected` holds every event that should be on the stream, by event id.
 */
export function exactlyOnceInOrderViolations(published: PublishedMessage[], expected: Map<string, ExpectedEvent>): string[] {
  const violations: string[] = [];
  const seen = new Set<string>();
  const publishedVersions = new Map<string, number[]>();
  for (const m of published) {
    const id = m.headers[Headers.MsgId];
    if (seen.has(id)) violations.push(`event ${id} published twice (again at sequence ${m.sequence})`);
    if (!expected.has(id)) violations.push(`unexpected event ${id} at sequence ${m.sequence}`);
    seen.add(id);
    append(publishedVersions, m.headers[Headers.AggregateId], Number(m.headers[Headers.StreamVersion]));
  }
  const missing = [...expected.keys()].filter((id) => !seen.has(id));
  if (missing.length) violations.push(`${missing.length} events never published, e.g. ${missing[0]}`);
  const storedVersions = new Map<string, number[]>();
  for (const e of expected.values()) append(storedVersions, e.aggregateId, e.version);
  for (const [aggregate, versions] of storedVersions) {
    const inStoreOrder = versions.sort((a, b) => a - b).join(',');
    const onStream = (publishedVersions.get(aggregate) ?? []).join(',');
    if (onStream !== inStoreOrder) violations.push(`aggregate ${aggregate}: versions on the stream [${onStream}], in the store [${inStoreOrder}]`);
  }
  return violations;
}

function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
