import { EVENTS_NOTIFY_CHANNEL, EventStore, GlobalPosition, StoredEvent, onAppendCommitted, onCommitPage } from '@brigade/event-store';
import { PubAck } from '@nats-io/jetstream';
import { NatsConnection } from '@nats-io/transport-node';
import { ClientConfig } from 'pg';
import { DataSource } from 'typeorm';
import { JetStreamClients, jetStreamClients } from '../jetstream/connection';
import { Namespace, contextStreamName, defaultNamespace } from '../jetstream/naming';
import { ContextStreamOptions, ensureContextStream } from '../jetstream/streams';
import { backoffDelay, sleep } from './backoff';
import { CommitListener, listenConfigOf } from './commit-listener';
import { OutgoingMessage, toOutgoingMessage } from './event-message';
import { consoleRelayLogger } from './console-relay-logger';
import { comparePositions, formatPosition, laterPosition } from './position';
import { readPublishedHead } from './published-head';
import { CheckpointWriter } from './checkpoint-writer';
import { RelayCheckpoints } from './relay-checkpoints';
import { EventMapper, RelayLogger } from './relay-types';
import { Wakeup } from './wakeup';

export interface OutboxRelayOptions {
  /** The context whose store is tailed and whose stream (`<context>.>`) receives the events. */
  readonly context: string;
  readonly mapEvent: EventMapper;
  readonly namespace?: Namespace;
  /** Key of the checkpoint row. Default: the stream name. */
  readonly relayName?: string;
  /** Default: an EventStore on the DataSource without upcasters. */
  readonly store?: EventStore;
  /** Events read and published per round. Default 500. */
  readonly batchSize?: number;
  /** Minimum interval between checkpoint saves (they happen off the publishing path). Default 250 ms. */
  readonly checkpointIntervalMs?: number;
  /**
   * Poll interval when no notification arrives. Default 5000 ms: commits in this process wake
   * the relay directly and other processes' through NOTIFY, so this only bounds the delay of a
   * wake-up lost with a crash between COMMIT and NOTIFY.
   */
  readonly safetyPollMs?: number;
  /** How long to wait for each JetStream ack. Default 5000 ms. */
  readonly publishTimeoutMs?: number;
  /** Backoff after a failure: from `retryInitialMs`, doubling, at most `retryMaxMs` (jittered). */
  readonly retryInitialMs?: number;
  readonly retryMaxMs?: number;
  /** Settings of the context stream the relay creates or updates before publishing. */
  readonly stream?: ContextStreamOptions;
  /** Connection for LISTEN; default: the DataSource's settings. `false`: safety poll only. */
  readonly listen?: ClientConfig | false;
  readonly logger?: RelayLogger;
}

export interface RelayStatus {
  readonly running: boolean;
  /** The last read found nothing new. */
  readonly caughtUp: boolean;
  /** Global position of the last event confirmed (acked by JetStream, or skipped as internal-only). */
  readonly position: GlobalPosition | null;
  /** Last sequence of the context stream as the relay knows it; null while re-syncing. */
  readonly streamSequence: number | null;
  /** Messages acked by JetStream since start. */
  readonly publishedCount: number;
  /** Internal-only events moved past since start. */
  readonly skippedCount: number;
  readonly lastPublishedAt: Date | null;
  readonly consecutiveFailures: number;
  readonly lastError: string | null;
}

/** Events held back behind a transaction in flight are re-read at least this often. */
const MAX_HELD_BACK_REPOLL_MS = 1_000;

/** Where publishing resumes: the last handled position and the stream sequence its message sits at. */
interface Head {
  readonly position: GlobalPosition | null;
  readonly sequence: number;
}


/**
 * Tails the context's event store in its gap-free global order and publishes each mapped event
 * to the context's JetStream stream, exactly once and in order.
 *
 * Order and exactly-once rest on one rule: a message is only stored directly behind the
 * message of the event before it. Each publish expects the stream's last sequence to be where
 * its predecessor landed (`expect.lastSequence`), so a batch can be pipelined: if a message is
 * lost (broker restart mid-batch, timeout) every later one is refused rather than stored out of
 * order. On any failure the relay backs off and re-reads its start point from the stream's last
 * message (its Brigade-Position header), because the stream is the truth of what was published:
 * resuming never republishes, whatever the duplicate window. Nats-Msg-Id = event id stays on as
 * a second safety net.
 */
export class OutboxRelay {
  private readonly ns: Namespace;
  private readonly streamName: string;
  private readonly relayName: string;
  private readonly store: EventStore;
  private readonly checkpoints: RelayCheckpoints;
  private readonly checkpointWriter: CheckpointWriter;
  private readonly logger: RelayLogger;
  private readonly wakeup = new Wakeup();
  private readonly listener: CommitListener | null;
  private stopLocalWakeups: (() => void) | null = null;
  private stopping = new AbortController();
  private loop: Promise<void> | null = null;
  private clients: JetStreamClients | null = null;
  /** Null: the start point must be re-read from the stream before publishing again. */
  private head: Head | null = null;
  /** While events are held back: the next re-read delay (doubling up to the safety poll). */
  private repollMs = 0;
  private counters = { published: 0, skipped: 0, failures: 0 };
  private caughtUp = false;
  private lastError: string | null = null;
  private lastPublishedAt: Date | null = null;
  private confirmed: GlobalPosition | null = null;
  /** Waiting for a commit (idle): a commit in this process may then read the next page for it. */
  private waiting = false;
  /** A commit took our position to read the page after its COMMIT (onCommitPage); until it answers, no other. */
  private pageAsked = false;
  /** The page a commit read for us (read by our own store), used when it starts where we stand. */
  private offered: { after: GlobalPosition | undefined; events: StoredEvent[]; heldBack: boolean } | null = null;
  private stopCommitPages: (() => void) | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly nats: NatsConnection,
    private readonly options: OutboxRelayOptions,
  ) {
    this.ns = options.namespace ?? defaultNamespace;
    this.streamName = contextStreamName(this.ns, options.context);
    this.relayName = options.relayName ?? this.streamName;
    this.store = options.store ?? new EventStore(dataSource);
    this.checkpoints = new RelayCheckpoints(dataSource);
    this.checkpointWriter = new CheckpointWriter(this.checkpoints, this.relayName, options.checkpointIntervalMs ?? 250, (error) =>
      this.logger.warn({ msg: 'relay checkpoint not saved; will retry', relay: this.relayName, error: error instanceof Error ? error.message : String(error) }),
    );
    this.logger = options.logger ?? consoleRelayLogger;
    const listen = options.listen ?? listenConfigOf(dataSource);
    this.listener = listen ? new CommitListener(listen, EVENTS_NOTIFY_CHANNEL, () => this.wakeup.signal(), this.logger) : null;
  }

  get status(): RelayStatus {
    return {
      running: this.loop !== null,
      caughtUp: this.caughtUp,
      position: this.confirmed,
      streamSequence: this.head?.sequence ?? null,
      publishedCount: this.counters.published,
      skippedCount: this.counters.skipped,
      lastPublishedAt: this.lastPublishedAt,
      consecutiveFailures: this.counters.failures,
      lastError: this.lastError,
    };
  }

  /** Starts tailing in the background; returns at once (an unreachable broker or database is retried). */
  async start(): Promise<void> {
    if (this.loop) return;
    this.stopping = new AbortController();
    this.listener?.start();
    // Appends made in this process wake the relay directly; NOTIFY covers other processes.
    this.stopLocalWakeups = onAppendCommitted(this.dataSource, () => this.wakeup.signal());
    this.stopCommitPages = onCommitPage(this.dataSource, {
      nextPage: () => {
        if (!this.waiting || this.pageAsked || !this.head) return null;
        this.pageAsked = true;
        return { after: this.head.position ?? undefined, limit: this.pageSize() };
      },
      take: (page) => {
        this.pageAsked = false;
        if (page) this.offered = { after: page.after, ...this.store.pageFromRows(page.rows) };
      },
    });
    this.loop = this.run();
  }

  /** Finishes the batch in flight, saves the checkpoint, then stops. */
  async stop(): Promise<void> {
    if (!this.loop) return;
    this.stopping.abort();
    await this.loop;
    await this.checkpointWriter.flush().catch((error: unknown) =>
      this.logger.warn({ msg: 'relay checkpoint not saved at stop', relay: this.relayName, error: error instanceof Error ? error.message : String(error) }),
    );
    this.stopLocalWakeups?.();
    this.stopCommitPages?.();
    await this.listener?.stop();
    this.loop = null;
    this.logger.log({ msg: 'relay stopped', relay: this.relayName, ...this.countersForLog() });
  }

  private async run(): Promise<void> {
    this.logger.log({ msg: 'relay starting', relay: this.relayName, stream: this.streamName });
    while (!this.stopping.signal.aborted) {
      try {
        const head = this.head ?? (this.head = await this.resync());
        const limit = this.pageSize();
        const { events, heldBack } = this.offeredFrom(head) ?? (await this.store.readPage({ after: head.position ?? undefined, limit }));
        if (events.length > 0) this.head = await this.publishBatch(head, events);
        if (events.length < limit) {
          this.caughtUp = !heldBack;
          await this.idle(heldBack);
        }
        if (this.counters.failures > 0) this.logger.log({ msg: 'relay recovered', relay: this.relayName, after: this.counters.failures });
        this.counters.failures = 0;
        this.lastError = null;
      } catch (error) {
        this.head = null;
        this.counters.failures++;
        this.lastError = error instanceof Error ? error.message : String(error);
        const retryInMs = backoffDelay(this.counters.failures, this.options.retryInitialMs ?? 100, this.options.retryMaxMs ?? 5_000);
        this.logger.warn({ msg: 'relay round failed; will re-sync from the stream', relay: this.relayName, error: this.lastError, attempt: this.counters.failures, retryInMs });
        await sleep(retryInMs, this.stopping.signal);
      }
    }
  }

  /** Start point = the later of the checkpoint and the position of the stream's last message. */
  private async resync(): Promise<Head> {
    const { jsm } = await this.jetStream();
    await ensureContextStream(jsm, this.ns, this.options.context, this.options.stream);
    // Checkpoint first: it is only saved once its batch is on the stream, so the stream read
    // afterwards is never behind it (even with another relay running), and a checkpoint
    // still ahead of the stream's head can only be ahead by internal-only events.
    const checkpoint = await this.checkpoints.load(this.relayName);
    const published = await readPublishedHead(jsm, this.streamName);
    const position = laterPosition(checkpoint, published.position);
    this.confirmed = position;
    this.logger.log({
      msg: 'relay synced with stream',
      relay: this.relayName,
      streamSequence: published.sequence,
      streamPosition: published.position && formatPosition(published.position),
      checkpoint: checkpoint && formatPosition(checkpoint),
    });
    return { position, sequence: published.sequence };
  }

  private async publishBatch(head: Head, events: StoredEvent[]): Promise<Head> {
    assertAscending(head.position, events);
    const outgoing = this.toMessages(events);
    const acks = await this.publishChained(head.sequence, outgoing);
    const stored = countStoredInOrder(acks, head.sequence);
    this.counters.published += stored;
    if (stored > 0) this.lastPublishedAt = new Date();
    if (stored < outgoing.length) {
      const failure = acks[stored];
      const reason = failure.status === 'rejected' ? String(failure.reason) : `acked at sequence ${failure.value.seq}, expected ${head.sequence + stored + 1}`;
      throw new Error(`batch interrupted after ${stored} of ${outgoing.length} messages: ${reason}`);
    }
    const last = events[events.length - 1].position;
    this.checkpointWriter.schedule(last);
    this.counters.skipped += events.length - outgoing.length;
    this.confirmed = last;
    this.logger.debug?.({ msg: 'relay batch published', relay: this.relayName, published: outgoing.length, read: events.length, position: formatPosition(last) });
    return { position: last, sequence: head.sequence + outgoing.length };
  }

  private toMessages(events: StoredEvent[]): OutgoingMessage[] {
    const messages: OutgoingMessage[] = [];
    for (const event of events) {
      const mapping = this.options.mapEvent(event);
      if (mapping) messages.push(toOutgoingMessage(event, mapping, this.ns, this.options.context));
    }
    return messages;
  }

  /**
   * All messages are sent before the first ack comes back; message i expects the stream to end
   * at `baseSequence + i`, i.e. exactly behind message i-1.
   */
  private async publishChained(baseSequence: number, messages: OutgoingMessage[]): Promise<PromiseSettledResult<PubAck>[]> {
    const { js } = await this.jetStream();
    return Promise.allSettled(
      messages.map((m, i) =>
        js.publish(m.subject, m.body, {
          msgID: m.event.eventId,
          headers: m.headers,
          timeout: this.options.publishTimeoutMs ?? 5_000,
          expect: { streamName: this.streamName, lastSequence: baseSequence + i },
        }),
      ),
    );
  }

  /**
   * Waits for the next commit's wake-up. Events held back behind a transaction in flight are
   * re-read after 1, 2, 4 … ms instead (the transaction that holds them back may write no event,
   * so may wake nobody when it ends), backing off to a second (or the safety poll, if shorter);
   * a wake-up always re-reads.
   */
  private async idle(heldBack: boolean): Promise<void> {
    const safetyPollMs = this.options.safetyPollMs ?? 5_000;
    this.repollMs = heldBack ? Math.min(safetyPollMs, MAX_HELD_BACK_REPOLL_MS, Math.max(1, this.repollMs * 2)) : 0;
    this.waiting = true;
    try {
      if (await this.wakeup.wait(heldBack ? this.repollMs : safetyPollMs, this.stopping.signal)) this.repollMs = 0;
    } finally {
      this.waiting = false;
    }
  }

  private pageSize(): number {
    return this.options.batchSize ?? 500;
  }

  /**
   * The page a commit in this process read for us after its COMMIT, when it starts exactly where
   * we stand (we may have read past it meanwhile); taken once either way. Read from our position,
   * it is the page a read of our own would have given, a moment later.
   */
  private offeredFrom(head: Head): { events: StoredEvent[]; heldBack: boolean } | null {
    const page = this.offered;
    this.offered = null;
    if (!page) return null;
    const here = head.position ?? undefined;
    const same = page.after === undefined || here === undefined ? page.after === here : comparePositions(page.after, here) === 0;
    return same ? page : null;
  }

  private async jetStream(): Promise<JetStreamClients> {
    return (this.clients ??= await jetStreamClients(this.nats));
  }

  private countersForLog(): Record<string, unknown> {
    return { published: this.counters.published, skipped: this.counters.skipped, position: this.confirmed && formatPosition(this.confirmed) };
  }
}

/**
 * Publishing is only as ordered as the store's reads: a batch that does not ascend strictly
 * from the start point is refused (loudly, and retried) rather than published out of order.
 */
function assertAscending(after: GlobalPosition | null, events: StoredEvent[]): void {
  let previous = after;
  for (const event of events) {
    if (previous && comparePositions(event.position, previous) <= 0) {
      throw new Error(`event store returned ${formatPosition(event.position)} after ${formatPosition(previous)}: not in global order`);
    }
    previous = event.position;
  }
}

/** How many leading messages were stored exactly where the chain put them. */
function countStoredInOrder(acks: PromiseSettledResult<PubAck>[], baseSequence: number): number {
  let stored = 0;
  for (const ack of acks) {
    if (ack.status !== 'fulfilled' || ack.value.seq !== baseSequence + stored + 1) break;
    stored++;
  }
  return stored;
}
