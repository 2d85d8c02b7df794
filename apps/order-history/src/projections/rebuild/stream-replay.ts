import { runInTransaction } from '@brigade/event-store';
import {
  ConsumedEvent,
  JetStreamContext,
  UnreadableMessageError,
  isDomainErrorLike,
  isUnretryable,
  rawMessageOf,
  readConsumedEvent,
  type Namespace,
} from '@brigade/messaging';
import type { Consumer, JetStreamClient, JsMsg } from '@nats-io/jetstream';
import type { MessageHandler } from '@nestjs/microservices';
import { isObservable, lastValueFrom } from 'rxjs';
import { DataSource } from 'typeorm';

/** The live durable's handlers (Nest-wrapped `@EventPattern` methods), reused as they are by the replay. */
export interface ReplaySource {
  readonly durable: string;
  readonly stream: string;
  readonly handlers: ReadonlyArray<{ readonly pattern: string; readonly callback: MessageHandler }>;
}

export interface StreamReplayOptions {
  readonly dataSource: DataSource;
  readonly js: JetStreamClient;
  readonly namespace: Namespace;
  /** Runs one transaction's worth of work in the rebuild's replay scope (only the building version is written). */
  readonly inScope: <T>(work: () => Promise<T>) => Promise<T>;
  /** Called after each committed batch with the number of messages it covered. */
  /** Counts the sequences covered, gaps included, so that it adds up to last - first + 1. */
  readonly onProgress: (messages: number) => void;
  readonly batchSize?: number;
}

const DEFAULT_BATCH = 250;
const ATTEMPTS = 3;
/** Consecutive fetches that bring nothing before the stream is taken to have lost messages. */
const EMPTY_FETCHES = 5;

/** The part of a stream a replay covers: its first message then, and its last one when dual-write had begun. */
export interface SequenceRange {
  readonly first: number;
  readonly last: number;
}

/**
 * Replays one context's stream, from its first message up to `range.last`, through the live
 * durable's own handlers (the same parsing and projection code), with no durable and no inbox:
 * an ephemeral ordered consumer reads the stream, and batches of messages are applied one
 * transaction each. That is safe because the views are idempotent and order-insensitive by
 * construction (parts guarded by producer stream versions, timeline keyed by event id), so
 * applying a message the live consumers also apply (dual-write) changes nothing twice.
 *
 * A batch that fails is tried again; if it keeps failing, its messages are applied one per
 * transaction, and a message the live consumer would not apply either (a domain answer or a
 * payload breaking its contract, which the live path records or parks) is skipped with a
 * count. Any other persistent failure stops the replay (the rebuild then fails, and the
 * active version, untouched, keeps serving). Answers the number of messages skipped.
 */
export async function replayStream(source: ReplaySource, range: SequenceRange, options: StreamReplayOptions): Promise<number> {
  const lastSequence = range.last;
  if (lastSequence < range.first || lastSequence < 1) return 0;
  const consumer = await options.js.consumers.get(source.stream, {});
  let replayedUpTo = range.first - 1;
  let skipped = 0;
  let emptyFetches = 0;
  try {
    while (replayedUpTo < lastSequence) {
      const batch = await fetchBatch(consumer, Math.min(options.batchSize ?? DEFAULT_BATCH, lastSequence - replayedUpTo));
      const wanted = batch.filter((message) => message.seq <= lastSequence);
      if (wanted.length === 0) {
        if (++emptyFetches >= EMPTY_FETCHES) throw new Error(`${source.stream} ended at ${replayedUpTo} before sequence ${lastSequence}`);
        continue;
      }
      emptyFetches = 0;
      skipped += await applyBatch(source, wanted.map((message) => toEvent(options.namespace, message)), options);
      const covered = wanted[wanted.length - 1].seq - replayedUpTo;
      replayedUpTo = wanted[wanted.length - 1].seq;
      options.onProgress(covered);
    }
  } finally {
    await consumer.delete().catch(() => undefined); // ephemeral anyway: it would expire by itself
  }
  return skipped;
}

async function fetchBatch(consumer: Consumer, max: number): Promise<JsMsg[]> {
  const messages = await consumer.fetch({ max_messages: max, expires: 2_000 });
  const batch: JsMsg[] = [];
  for await (const message of messages) batch.push(message);
  return batch;
}

async function applyBatch(source: ReplaySource, events: ReadonlyArray<ConsumedEvent | null>, options: StreamReplayOptions): Promise<number> {
  const readable = events.filter((event): event is ConsumedEvent => event !== null);
  try {
    await withAttempts(() => applyInTransaction(source, readable, options));
    return events.length - readable.length;
  } catch {
    // Find the message that fails, and apply the others.
    let skipped = events.length - readable.length;
    for (const event of readable) {
      try {
        await withAttempts(() => applyInTransaction(source, [event], options));
      } catch (error) {
        if (!isFinalAnswer(error)) throw new Error(`${source.stream} sequence ${event.streamSequence} (${event.subject}): ${messageOf(error)}`);
        skipped += 1;
      }
    }
    return skipped;
  }
}

function applyInTransaction(source: ReplaySource, events: readonly ConsumedEvent[], options: StreamReplayOptions): Promise<void> {
  return options.inScope(() =>
    runInTransaction(options.dataSource, async () => {
      for (const event of events) {
        const context = new JetStreamContext([event, { consumer: source.durable, attempt: 1, deliveryCount: 0, replay: true }]);
        // The app's patterns are exact subjects (no wildcards).
        for (const handler of source.handlers.filter((h) => h.pattern === event.subject)) {
          const result: unknown = await handler.callback(event.data, context);
          if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
        }
      }
    }),
  );
}

async function withAttempts(work: () => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      // A deadlock with a live consumer's transaction (both write the building version) is worth another try; so is a blip.
      if (isFinalAnswer(error) || attempt >= ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
    }
  }
}

/** What the live consumer also does not apply: a domain answer, or a payload breaking its contract (parked). */
function isFinalAnswer(error: unknown): boolean {
  return isDomainErrorLike(error) || isUnretryable(error);
}

/** The event a stored message carries, read exactly as the live consumer reads it; null when unreadable (the live consumer parks it). */
function toEvent(ns: Namespace, message: JsMsg): ConsumedEvent | null {
  try {
    return readConsumedEvent(ns, rawMessageOf(message));
  } catch (error) {
    if (error instanceof UnreadableMessageError) return null;
    throw error;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
