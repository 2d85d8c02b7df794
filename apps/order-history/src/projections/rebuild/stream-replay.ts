import { runInTransaction } from '@brigade/event-store';
import { ConsumedEvent, UnreadableMessageError, isDomainErrorLike, isUnretryable, rawMessageOf, readConsumedEvent, type Namespace } from '@brigade/messaging';
import type { JetStreamClient, JsMsg } from '@nats-io/jetstream';
import { DataSource } from 'typeorm';
import type { ProjectionFeed } from '../projection-feed';
import { SequenceRange, StreamReader } from './stream-reader';

export type { SequenceRange } from './stream-reader';

/** A stream feeding the projection (the one its live durable reads), and the part of it to replay. */
export interface ReplaySource {
  readonly stream: string;
  readonly range: SequenceRange;
}

export interface StreamReplayOptions<C> {
  readonly dataSource: DataSource;
  readonly js: JetStreamClient;
  readonly namespace: Namespace;
  /** The projection's feed: the live consumers' reading of each event and their writer. */
  readonly feed: ProjectionFeed<C>;
  /** Runs one transaction's worth of work in the rebuild's replay scope (only the building version is written). */
  readonly inScope: <T>(work: () => Promise<T>) => Promise<T>;
  /** Called before each batch is written: throws to stop the replay (the app is shutting down). */
  readonly proceed: () => void;
  /** Called after each committed batch with the number of messages it covered (gaps included: they add up to the ranges). */
  readonly onProgress: (messages: number) => void;
  /** Messages per stream and batch, at most: the first batches are smaller (FIRST_BATCH, doubling). */
  readonly batchSize?: number;
}

/** 2,000 messages per stream: a batch of the four order-view streams is at most 8,000 events, a few MB. */
const DEFAULT_BATCH = 2_000;
/** The first round's size per stream: progress shows early, and a short replay still takes a few batches. */
const FIRST_BATCH = 100;
const ATTEMPTS = 3;
/** Rounds written side by side, each in its own transaction (see replayStreams on why that is safe). */
const WRITERS = 2;

/**
 * A message the replay could not apply, for good: `where` names it (stream, sequence, subject)
 * and may be shown; the message, which carries the cause's own text (SQL, driver), is for the logs.
 */
export class MessageNotReplayed extends Error {
  readonly where: string;
  constructor(stream: string, sequence: number, subject: string, cause: unknown) {
    const where = `${stream} sequence ${sequence} (${subject})`;
    super(`${where}: ${messageOf(cause)}`, { cause });
    this.name = 'MessageNotReplayed';
    this.where = where;
  }
}

/** One message of a batch, read as the live consumer reads it: its change, or why it is skipped. */
interface Entry<C> {
  readonly stream: string;
  readonly sequence: number;
  readonly subject: string;
  /** null: nothing to apply (not one of the projection's events, or skipped). */
  readonly change: C | null;
  readonly skipped: boolean;
}

/**
 * Replays the projection's source streams side by side, from their first message up to each
 * range's last, into the building version, set-based: each round takes the next batch of every
 * stream (fetched and read while earlier rounds were written), reads every message as the live
 * consumer does (the feed's `changeOf`), and applies all of the round's changes in one
 * transaction through the feed's writer (folded per row, a few multi-row statements). That is
 * safe because the views are idempotent and order-insensitive by construction (parts guarded by
 * producer stream versions, timeline keyed by event id): the order of events within and across
 * streams does not matter, and a message the live consumers also apply (dual-write) changes
 * nothing twice.
 *
 * For the same reason two rounds may be written at once, each in its own transaction: which one
 * commits first does not matter. They cannot deadlock either: the writer's first statement
 * locks every row its transaction will write, in key order (the upsert locks a row even when it
 * changes nothing, and a key inserted by the other transaction waits for its end), like every
 * live event's; the timeline rows it then inserts belong to those orders only (a conflicting
 * one was committed before the lock was granted), and the parts' UPDATE touches only rows
 * already locked. A round is counted as replayed once committed.
 *
 * A message the live consumer would not apply either is skipped with a count: unreadable (no
 * event id, not JSON: parked by the live consumer), a payload breaking its contract (parked), a
 * domain answer (recorded). A batch that fails is tried again; if it keeps failing, its changes
 * are applied one per transaction, skipping those failing with a domain answer. Any other
 * persistent failure stops the replay, naming the message (the rebuild then fails, and the
 * active version, untouched, keeps serving). Answers the number of messages skipped.
 */
export async function replayStreams<C>(sources: readonly ReplaySource[], options: StreamReplayOptions<C>): Promise<number> {
  const maxBatch = options.batchSize ?? DEFAULT_BATCH;
  const size = (round: number) => Math.min(maxBatch, FIRST_BATCH * 2 ** Math.min(round, 20));
  const readers: Array<StreamReader<Entry<C>>> = [];
  let skipped = 0;
  try {
    for (const { stream, range } of sources) {
      readers.push(await StreamReader.open(options.js, stream, range, size, (message) => entryOf(stream, message, options)));
    }
    let reading = readers;
    const writing: Array<Promise<void>> = [];
    try {
      while (reading.length > 0) {
        const batches = await Promise.all(reading.map((reader) => reader.take()));
        reading = reading.filter((_, i) => batches[i] !== null);
        const entries = batches.flatMap((batch) => batch?.items ?? []);
        if (entries.length === 0) continue;
        const covered = batches.reduce((sum, batch) => sum + (batch?.covered ?? 0), 0);
        // Up to WRITERS rounds in flight: PostgreSQL works on one while the app sends the other.
        if (writing.length >= WRITERS) await writing.shift();
        options.proceed();
        const written = applyBatch(entries, options).then((n) => {
          skipped += n;
          options.onProgress(covered);
        });
        written.catch(() => undefined); // met when its slot is awaited, or below
        writing.push(written);
      }
      await Promise.all(writing);
    } finally {
      await Promise.allSettled(writing); // every write settles before the readers close
    }
  } finally {
    await Promise.all(readers.map((reader) => reader.close()));
  }
  return skipped;
}

/** The message read as the live consumer reads it (the same envelope and contract checks). */
function entryOf<C>(stream: string, message: JsMsg, options: StreamReplayOptions<C>): Entry<C> {
  const sequence = message.seq;
  let event: ConsumedEvent;
  try {
    event = readConsumedEvent(options.namespace, rawMessageOf(message));
  } catch (error) {
    if (error instanceof UnreadableMessageError) return { stream, sequence, subject: message.subject, change: null, skipped: true };
    throw error;
  }
  try {
    return { stream, sequence, subject: event.subject, change: options.feed.changeOf(event, event.data), skipped: false };
  } catch (error) {
    if (isFinalAnswer(error)) return { stream, sequence, subject: event.subject, change: null, skipped: true };
    throw new MessageNotReplayed(stream, sequence, event.subject, error);
  }
}

async function applyBatch<C>(entries: ReadonlyArray<Entry<C>>, options: StreamReplayOptions<C>): Promise<number> {
  let skipped = entries.filter((entry) => entry.skipped).length;
  const applicable = entries.filter((entry): entry is Entry<C> & { change: C } => entry.change !== null);
  if (applicable.length === 0) return skipped;
  try {
    await withAttempts(() => applyInTransaction(applicable.map((entry) => entry.change), options));
  } catch {
    // Find the message that fails, and apply the others: each a batch of one, as the live consumer applies it.
    for (const entry of applicable) {
      try {
        await withAttempts(() => applyInTransaction([entry.change], options));
      } catch (error) {
        if (!isFinalAnswer(error)) throw new MessageNotReplayed(entry.stream, entry.sequence, entry.subject, error);
        skipped += 1;
      }
    }
  }
  return skipped;
}

function applyInTransaction<C>(changes: readonly C[], options: StreamReplayOptions<C>): Promise<void> {
  return options.inScope(() => runInTransaction(options.dataSource, () => options.feed.apply(changes)));
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

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
