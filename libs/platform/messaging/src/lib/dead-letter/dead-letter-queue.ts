import { DiscardPolicy, JetStreamClient, JetStreamManager, RetentionPolicy, StorageType } from '@nats-io/jetstream';
import { headers } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import { RawMessage, headerRecord } from '../consumer/consumed-event';
import { Headers, Namespace, contextStreamName, prefixed } from '../jetstream/naming';
import { isNatsHeader, parkedCopyDigest, recordParkedCopy } from './parked-copies';

/** Headers a parked message carries besides the original ones and the Parked* ones in naming.ts. */
export const DeadLetterHeaders = {
  ParkedAt: 'Brigade-Parked-At',
  OriginalSequence: 'Brigade-Original-Sequence',
} as const;

/** One dead-letter stream per consuming app: `<PREFIX>DLQ_<APP>`, capturing `<prefix>dlq.<app>.>`. */
export function deadLetterStreamName(ns: Namespace, app: string): string {
  return contextStreamName(ns, `dlq_${app}`);
}

/** Where a handler group parks what it gave up on: `<prefix>dlq.<app>.<handler>`. */
export function deadLetterSubject(ns: Namespace, app: string, handler: string): string {
  return prefixed(ns, `dlq.${app}.${handler}`);
}

export function deadLetterSubjects(ns: Namespace, app: string): string {
  return prefixed(ns, `dlq.${app}.>`);
}

/** A re-park of the same message (after a crash between park and ack) is dropped within this window. */
const DUPLICATE_WINDOW_NS = 10 * 60 * 1_000_000_000;

/** File storage, no limits: a parked message stays until an operator replays or discards it. */
export async function ensureDeadLetterStream(jsm: JetStreamManager, ns: Namespace, app: string): Promise<string> {
  const name = deadLetterStreamName(ns, app);
  const config = {
    name,
    subjects: [deadLetterSubjects(ns, app)],
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    discard: DiscardPolicy.Old,
    duplicate_window: DUPLICATE_WINDOW_NS,
  };
  try {
    await jsm.streams.info(name);
    await jsm.streams.update(name, config);
  } catch (error) {
    if (!/stream not found/i.test((error as Error)?.message ?? '')) throw error;
    await jsm.streams.add(config);
  }
  return name;
}

export interface ParkRequest {
  readonly app: string;
  readonly handler: string;
  /** `<app>--<handler>`. */
  readonly durable: string;
  readonly message: RawMessage;
  /** Unprefixed. */
  readonly originalSubject: string;
  readonly eventId: string | null;
  readonly error: string;
  readonly attempts: number;
  readonly parkedAt: Date;
}

/**
 * Publishes a copy of the message to the dead-letter subject and waits for JetStream to store
 * it; only then may the caller ack the original. msgID `<durable>:<eventId>` makes a re-park of
 * the same message (a crash between this and the ack) a no-op. The copy's digest is recorded in
 * the app's database first (parked-copies.ts): what a replay later trusts as the app's own.
 */
export async function parkMessage(js: JetStreamClient, dataSource: DataSource, ns: Namespace, request: ParkRequest): Promise<number> {
  const h = headers();
  for (const [key, value] of Object.entries(request.message.headers)) {
    if (!isNatsHeader(key)) h.set(key, value);
  }
  // The copy's Nats-Msg-Id is the park id; keep the event id where a replay looks for it.
  if (request.eventId) h.set(Headers.EventId, request.eventId);
  h.set(Headers.OriginalSubject, request.originalSubject);
  h.set(Headers.ParkedBy, request.durable);
  h.set(Headers.ParkedError, request.error);
  h.set(Headers.ParkedAttempts, String(request.attempts));
  h.set(DeadLetterHeaders.ParkedAt, request.parkedAt.toISOString());
  h.set(DeadLetterHeaders.OriginalSequence, String(request.message.streamSequence));
  const stream = deadLetterStreamName(ns, request.app);
  const subject = deadLetterSubject(ns, request.app, request.handler);
  const digest = parkedCopyDigest({ subject, headers: headerRecord(h), body: request.message.body });
  await recordParkedCopy(dataSource.manager, digest, request.durable, request.eventId);
  const ack = await js.publish(subject, request.message.body, {
    msgID: `${request.durable}:${request.eventId ?? `seq-${request.message.streamSequence}`}`,
    headers: h,
    expect: { streamName: stream },
  });
  return ack.seq;
}
