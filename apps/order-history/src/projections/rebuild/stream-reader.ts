import type { Consumer, JetStreamClient, JsMsg } from '@nats-io/jetstream';
import { setImmediate as eventLoopTurn } from 'node:timers/promises';

/** The part of a stream a replay covers: its first message then, and its last one when dual-write had begun. */
export interface SequenceRange {
  readonly first: number;
  readonly last: number;
}

/** One fetched batch, prepared (read and translated) while earlier ones were being written. */
export interface ReadBatch<T> {
  readonly items: readonly T[];
  /** Sequences covered, gaps included, so that the batches add up to last - first + 1. */
  readonly covered: number;
}

/** Consecutive fetches that bring nothing before the stream is taken to have lost messages. */
const EMPTY_FETCHES = 5;
/**
 * Batches fetched and prepared ahead of the reader. One ahead left the app idle whenever a
 * round's write took longer than preparing the next round; two keep it reading meanwhile.
 */
const AHEAD = 2;
/**
 * Messages prepared before the reader lets the event loop run other callbacks. A fetched batch is
 * read in microtasks, which would otherwise hold back the replies PostgreSQL sends the writers
 * for as long as the whole batch takes: the first rounds were written 5-10x slower than later
 * ones, the database idle while the app read ahead. Yielding keeps both busy at once.
 */
const YIELD_EVERY = 50;

/**
 * Reads one stream from its first message up to `range.last` through an ephemeral ordered
 * consumer (no durable, no acks), `AHEAD` batches ahead of its reader: as soon as a batch is
 * taken, the next one is fetched and prepared, so fetching and reading overlap with writing.
 * Each message is prepared as it arrives and dropped at once: only what `prepare` makes of it
 * is kept until the batch is written. `size(round)` is the batch size of each round (the replay
 * starts small and grows).
 */
export class StreamReader<T> {
  private readUpTo: number;
  private rounds = 0;
  /** The batches being read, in stream order: each read starts once the one before it is done. */
  private readonly ahead: Array<Promise<ReadBatch<T> | null>> = [];

  private constructor(
    readonly stream: string,
    private readonly consumer: Consumer,
    private readonly range: SequenceRange,
    private readonly size: (round: number) => number,
    private readonly prepare: (message: JsMsg) => T,
  ) {
    this.readUpTo = range.first - 1;
  }

  static async open<T>(
    js: JetStreamClient,
    stream: string,
    range: SequenceRange,
    size: (round: number) => number,
    prepare: (message: JsMsg) => T,
  ): Promise<StreamReader<T>> {
    return new StreamReader(stream, await js.consumers.get(stream, {}), range, size, prepare);
  }

  /** The next batch; null once the range is read. */
  async take(): Promise<ReadBatch<T> | null> {
    this.readAhead();
    const batch = await this.ahead.shift();
    if (batch) this.readAhead();
    return batch ?? null;
  }

  async close(): Promise<void> {
    await Promise.all(this.ahead.map((batch) => batch.catch(() => undefined)));
    await this.consumer.delete().catch(() => undefined); // ephemeral anyway: it would expire by itself
  }

  private readAhead(): void {
    while (this.ahead.length < AHEAD) {
      const previous = this.ahead.at(-1);
      // A failed read fails the ones after it (the ordered consumer is not read past it).
      const next = previous ? previous.then((batch) => (batch ? this.read() : null)) : this.read();
      // A failure of a batch read ahead is met when it is taken; until then it must not go unhandled.
      next.catch(() => undefined);
      this.ahead.push(next);
    }
  }

  private async read(): Promise<ReadBatch<T> | null> {
    const last = this.range.last;
    if (this.readUpTo >= last || last < 1) return null;
    for (let empty = 0; empty < EMPTY_FETCHES; empty++) {
      // Never more than the range holds: a fetch asking for more would wait for its expiry.
      const max = Math.min(this.size(this.rounds), last - this.readUpTo);
      const messages = await this.consumer.fetch({ max_messages: max, expires: 2_000 });
      const items: T[] = [];
      let lastSequence = this.readUpTo;
      for await (const message of messages) {
        if (message.seq > last) continue;
        items.push(this.prepare(message));
        lastSequence = message.seq;
        if (items.length % YIELD_EVERY === 0) await eventLoopTurn();
      }
      if (items.length === 0) continue;
      this.rounds += 1;
      const covered = lastSequence - this.readUpTo;
      this.readUpTo = lastSequence;
      return { items, covered };
    }
    throw new Error(`${this.stream} ended at ${this.readUpTo} before sequence ${last}`);
  }
}
