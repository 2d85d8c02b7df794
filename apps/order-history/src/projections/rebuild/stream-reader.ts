import type { Consumer, JetStreamClient, JsMsg } from '@nats-io/jetstream';

/** The part of a stream a replay covers: its first message then, and its last one when dual-write had begun. */
export interface SequenceRange {
  readonly first: number;
  readonly last: number;
}

/** One fetched batch, prepared (read and translated) while the previous one was being written. */
export interface ReadBatch<T> {
  readonly items: readonly T[];
  /** Sequences covered, gaps included, so that the batches add up to last - first + 1. */
  readonly covered: number;
}

/** Consecutive fetches that bring nothing before the stream is taken to have lost messages. */
const EMPTY_FETCHES = 5;

/**
 * Reads one stream from its first message up to `range.last` through an ephemeral ordered
 * consumer (no durable, no acks), one batch ahead of its reader: as soon as a batch is taken,
 * the next one is fetched and prepared, so fetching and reading overlap with writing.
 * `size(round)` is the batch size of each round (the replay starts small and grows).
 */
export class StreamReader<T> {
  private readUpTo: number;
  private rounds = 0;
  private ahead: Promise<ReadBatch<T> | null> | null = null;

  private constructor(
    readonly stream: string,
    private readonly consumer: Consumer,
    private readonly range: SequenceRange,
    private readonly size: (round: number) => number,
    private readonly prepare: (messages: readonly JsMsg[]) => T[],
  ) {
    this.readUpTo = range.first - 1;
  }

  static async open<T>(
    js: JetStreamClient,
    stream: string,
    range: SequenceRange,
    size: (round: number) => number,
    prepare: (messages: readonly JsMsg[]) => T[],
  ): Promise<StreamReader<T>> {
    return new StreamReader(stream, await js.consumers.get(stream, {}), range, size, prepare);
  }

  /** The next batch; null once the range is read. */
  async take(): Promise<ReadBatch<T> | null> {
    const batch = await (this.ahead ?? this.read());
    this.ahead = batch === null ? null : this.read();
    // A failure of the batch read ahead is met when it is taken; until then it must not go unhandled.
    this.ahead?.catch(() => undefined);
    return batch;
  }

  async close(): Promise<void> {
    await this.ahead?.catch(() => undefined);
    await this.consumer.delete().catch(() => undefined); // ephemeral anyway: it would expire by itself
  }

  private async read(): Promise<ReadBatch<T> | null> {
    const last = this.range.last;
    if (this.readUpTo >= last || last < 1) return null;
    for (let empty = 0; empty < EMPTY_FETCHES; empty++) {
      // Never more than the range holds: a fetch asking for more would wait for its expiry.
      const fetched = await fetchBatch(this.consumer, Math.min(this.size(this.rounds), last - this.readUpTo));
      const wanted = fetched.filter((message) => message.seq <= last);
      if (wanted.length === 0) continue;
      this.rounds += 1;
      const covered = wanted[wanted.length - 1].seq - this.readUpTo;
      this.readUpTo = wanted[wanted.length - 1].seq;
      return { items: this.prepare(wanted), covered };
    }
    throw new Error(`${this.stream} ended at ${this.readUpTo} before sequence ${last}`);
  }
}

async function fetchBatch(consumer: Consumer, max: number): Promise<JsMsg[]> {
  const messages = await consumer.fetch({ max_messages: max, expires: 2_000 });
  const batch: JsMsg[] = [];
  for await (const message of messages) batch.push(message);
  return batch;
}
