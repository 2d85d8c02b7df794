import { ConsumerMessages, JetStreamClient, JetStreamManager, JsMsg } from '@nats-io/jetstream';
import { DataSource } from 'typeorm';
import { parkMessage } from '../dead-letter/dead-letter-queue';
import { unprefixed } from '../jetstream/naming';
import { backoffDelay, sleep } from '../relay/backoff';
import { ConsumedEvent, RawMessage, UnreadableMessageError, rawMessageOf, readConsumedEvent } from './consumed-event';
import { ConsumerSettings } from './consumer-options';
import { errorLine, isConcurrencyConflict, isNestMaskedError, isUnretryable, summaryLine } from './consumer-errors';
import { ensureDurable } from './durable-consumer';
import { HandlerGroup, handlersFor } from './handler-groups';
import { AckBuffer } from './ack-buffer';
import { LaneScheduler, laneKey } from './lanes';
import { LanedMessage, settleLaneGroup } from './lane-group';
import { inboxAnswered, recordInboxOutcome } from './inbox';
import { databaseReachable } from './database-reachable';
import { BatchItem, attemptMessage } from './message-pipeline';
import { PartitionedQueue } from './partitioned-queue';

export type ConsumerOutcome = 'processed' | 'duplicate' | 'skipped' | 'rejected' | 'parked';

/** Emitted once per message the consumer is done with (the `outcome` event of JetStreamServer). */
export interface ConsumerOutcomeReport {
  readonly consumer: string;
  readonly outcome: ConsumerOutcome;
  readonly eventId: string | null;
  /** Unprefixed. */
  readonly subject: string;
  readonly aggregateId: string | null;
  readonly streamSequence: number;
  readonly attempts: number;
  readonly error?: string;
}

export interface ConsumerLogger {
  log(message: object): void;
  warn(message: object): void;
  error(message: object): void;
  debug?(message: object): void;
}

export interface DurableWorkerDeps {
  readonly app: string;
  readonly group: HandlerGroup;
  readonly settings: ConsumerSettings;
  readonly js: JetStreamClient;
  readonly jsm: JetStreamManager;
  readonly dataSource: DataSource;
  /** True once the NATS connection is closed for good: acks then cannot leave. */
  readonly connectionClosed: () => boolean;
  readonly logger: ConsumerLogger;
  /** The app's lanes (shared by its durables): laned messages run in its groups (see LaneScheduler). */
  readonly lanes: LaneScheduler<LanedMessage>;
  /** The app's acks (shared by its durables): they leave together. */
  readonly acks: AckBuffer;
  readonly report: (report: ConsumerOutcomeReport) => void;
}

interface Delivery {
  readonly msg: JsMsg;
  readonly raw: RawMessage;
  readonly event: ConsumedEvent | UnreadableMessageError;
}

type ReadableDelivery = Delivery & { readonly event: ConsumedEvent };

const isReadable = (delivery: Delivery): delivery is ReadableDelivery => !(delivery.event instanceof UnreadableMessageError);

interface Cycle {
  readonly messages: ConsumerMessages;
  readonly queue: PartitionedQueue<Delivery>;
  /** Aborted when the cycle ends: backoff sleeps stop, and nothing new is started. */
  readonly halt: AbortController;
  ending?: Promise<void>;
}

/** Concurrent-write refusals retried at once, beyond the message's own attempts. */
const MAX_CONFLICT_RETRIES = 25;

/** Messages without an aggregate id are kept in one order among themselves. */
const NO_AGGREGATE = '\u0000no-aggregate';

/**
 * Runs one durable pull consumer (one handler group): fetches continuously, partitions what it
 * fetched by aggregate id, processes each partition strictly in order and different ones in
 * parallel, and acks a message only after its transaction committed (or after it was parked).
 * Work runs in cycles; a cycle ends on stop, on reconnect or when the consumer vanished, and
 * the next one first re-checks the durable, rewinding it when deliveries were left unacked.
 */
export class DurableWorker {
  private cycle: Cycle | null = null;
  private loop: Promise<void> | null = null;
  private readonly stopping = new AbortController();
  /** Delivered and not yet acked: kept alive with working() while queued, retried or parked. */
  private readonly held = new Set<JsMsg>();
  private heartbeat?: NodeJS.Timeout;
  private maskedErrorWarned = false;

  constructor(private readonly deps: DurableWorkerDeps) {}

  private get consumer(): string {
    return this.deps.group.durable;
  }

  /** Prepares the durable (errors surface to the caller), then consumes in the background. */
  async start(): Promise<void> {
    await this.ensure();
    this.heartbeat = setInterval(() => this.keepAlive(), Math.max(500, Math.floor(this.deps.settings.ackWaitMs / 3)));
    this.heartbeat.unref();
    this.loop = this.run();
  }

  /** Ends the current cycle; the next one starts from a re-checked (possibly rewound) durable. */
  resync(reason: string): void {
    if (!this.cycle || this.stopping.signal.aborted) return;
    this.deps.logger.log({ msg: 'JetStream consumer resyncing', consumer: this.consumer, reason });
    void this.endCycle(this.cycle);
  }

  /** Stops fetching, lets running attempts finish (commit or roll back), leaves the rest unacked. */
  async stop(): Promise<void> {
    this.stopping.abort();
    if (this.cycle) await this.endCycle(this.cycle);
    await this.loop;
    clearInterval(this.heartbeat);
  }

  private async run(): Promise<void> {
    let ensured = true;
    let quickEnds = 0;
    while (!this.stopping.signal.aborted) {
      const startedAt = Date.now();
      try {
        if (!ensured) await this.ensure();
        await this.consumeCycle();
      } catch (error) {
        this.deps.logger.error({ msg: 'JetStream consumer cycle failed', consumer: this.consumer, error: errorLine(error) });
      }
      ensured = false;
      // A resync restarts at once; cycles that keep ending quickly (broker away, a second
      // instance stealing deliveries) back off instead of hammering the server.
      quickEnds = Date.now() - startedAt < 5_000 ? quickEnds + 1 : 0;
      if (quickEnds > 1) await sleep(backoffDelay(quickEnds - 1, 200, 10_000), this.stopping.signal);
    }
  }

  private async ensure(): Promise<void> {
    const { jsm, group, settings } = this.deps;
    const state = await ensureDurable(jsm, group, settings);
    if (state.action === 'rewound') {
      this.deps.logger.warn({ msg: 'JetStream consumer rewound to its ack floor to keep stream order', consumer: this.consumer, ...state });
    } else if (state.action !== 'unchanged') {
      this.deps.logger.log({ msg: `JetStream consumer ${state.action}`, consumer: this.consumer, filterSubject: group.filterSubject });
    }
  }

  private async consumeCycle(): Promise<void> {
    const { js, group, settings } = this.deps;
    const consumer = await js.consumers.get(group.stream, group.durable);
    const halt = new AbortController();
    const queue = new PartitionedQueue<Delivery>(settings.concurrency, (batch) => this.settleBatch(batch, halt.signal), settings.maxBatch);
    // Nothing is outstanding at the start of a cycle, so the next delivery must be the next one.
    let expected = (await consumer.info()).delivered.consumer_seq + 1;
    const messages = await consumer.consume({ max_messages: Math.min(100, settings.maxAckPending) });
    const cycle: Cycle = { messages, queue, halt };
    this.cycle = cycle;
    void this.watch(cycle);
    // A stop that came while the cycle was starting found no cycle to end: end this one. The
    // loop below still runs: the client finishes closing `messages` only while it is iterated.
    if (this.stopping.signal.aborted) void this.endCycle(cycle);
    try {
      for await (const msg of messages) {
        if (halt.signal.aborted) break;
        if (msg.info.deliverySequence !== expected) {
          // A delivery never arrived (lost with a connection, or taken by a second instance):
          // going on would run later events before it. Rewind instead.
          this.resync(`deliveries ${expected}..${msg.info.deliverySequence - 1} never arrived`);
          break;
        }
        expected++;
        this.accept(msg, queue);
        await queue.roomFor(settings.maxAckPending);
      }
    } finally {
      await this.endCycle(cycle);
      if (this.cycle === cycle) this.cycle = null;
    }
  }

  /** A deleted or missing consumer does not end consume() by itself: end the cycle to recreate it. */
  private async watch(cycle: Cycle): Promise<void> {
    for await (const status of cycle.messages.status()) {
      if (status.type === 'consumer_deleted' || status.type === 'consumer_not_found') this.resync(status.type);
    }
  }

  private endCycle(cycle: Cycle): Promise<void> {
    cycle.ending ??= (async () => {
      // Synchronously first: after this line no queued message of any partition may start.
      cycle.halt.abort();
      const neverStarted = cycle.queue.halt();
      await cycle.messages.close().catch(() => undefined);
      for (const left of await neverStarted) this.held.delete(left.msg);
      // What was answered is acked before the next cycle asks the durable what is still pending.
      this.deps.acks.flush();
    })();
    return cycle.ending;
  }

  private accept(msg: JsMsg, queue: PartitionedQueue<Delivery>): void {
    const raw = rawMessageOf(msg);
    let event: ConsumedEvent | UnreadableMessageError;
    try {
      event = readConsumedEvent(this.deps.settings.namespace, raw);
    } catch (error) {
      event = error instanceof UnreadableMessageError ? error : new UnreadableMessageError(errorLine(error));
    }
    if (!(event instanceof UnreadableMessageError) && handlersFor(this.deps.group, event.subject).length === 0) {
      // The filter is wider than the group's subjects (one filter subject per consumer on 2.9).
      this.ack(msg);
      this.done({ raw, event }, 'skipped', 0);
      return;
    }
    this.held.add(msg);
    const key = event instanceof UnreadableMessageError ? NO_AGGREGATE : (event.aggregateId ?? NO_AGGREGATE);
    queue.push(key, { msg, raw, event });
  }

  /**
   * A batch (or a lone message) to its final answers. Without lanes, the batch is one group of
   * its own (settleLaneGroup: one transaction, or each message alone if that fails). With lanes,
   * its messages go to the app's LaneScheduler, which runs them when their lanes are free, grouped
   * with what other durables' batches have waiting. Unreadable messages are parked meanwhile.
   */
  private async settleBatch(deliveries: Delivery[], halt: AbortSignal): Promise<void> {
    const messages = deliveries.filter(isReadable).map((delivery) => this.lanedMessage(delivery, halt));
    const laned = messages.some((message) => message.keys.length > 0);
    const settled = laned ? this.deps.lanes.submit(messages) : settleLaneGroup(this.deps.dataSource, this.deps.logger, messages);
    const unreadable = deliveries.filter((delivery) => !isReadable(delivery));
    await Promise.all([settled, ...unreadable.map((delivery) => this.settle(delivery, halt))]);
  }

  private lanedMessage(delivery: ReadableDelivery, halt: AbortSignal): LanedMessage {
    const { event } = delivery;
    const keys = handlersFor(this.deps.group, event.subject).flatMap(({ lane }) => {
      const key = lane?.key(event.data);
      return lane && key !== undefined ? [laneKey(lane, key)] : [];
    });
    return {
      keys,
      item: this.batchItem(delivery),
      halted: () => halt.aborted,
      committed: () => this.processedInBatch(delivery),
      settleAlone: () => this.settle(delivery, halt),
    };
  }

  private batchItem({ msg, event }: ReadableDelivery): BatchItem {
    return { group: this.deps.group, event, delivery: { consumer: this.consumer, attempt: 1, deliveryCount: msg.info.deliveryCount, replay: false } };
  }

  private processedInBatch(delivery: ReadableDelivery): void {
    this.ack(delivery.msg);
    this.held.delete(delivery.msg);
    this.done(delivery, 'processed', 1);
  }

  /** Processes one message to a final answer and acks it; or leaves it unacked when halted. */
  private async settle(delivery: Delivery, halt: AbortSignal): Promise<void> {
    try {
      const settled = await this.process(delivery, halt);
      if (settled) {
        this.ack(delivery.msg);
        this.done(delivery, settled.outcome, settled.attempts, settled.error);
      }
    } catch (error) {
      // Only bookkeeping can fail here; the message stays unacked and comes back after a rewind.
      this.deps.logger.error({ msg: 'JetStream consumer could not settle a message', consumer: this.consumer, seq: delivery.msg.seq, error: errorLine(error) });
      this.resync('settle failed');
    } finally {
      this.held.delete(delivery.msg);
    }
  }

  private async process(
    { msg, raw, event }: Delivery,
    halt: AbortSignal,
  ): Promise<{ outcome: ConsumerOutcome; attempts: number; error?: string } | null> {
    if (event instanceof UnreadableMessageError) return this.park(raw, null, event.message, 1, halt);
    const { dataSource, group, settings } = this.deps;
    let lastError = '';
    const { attempts, initialDelayMs, maxDelayMs } = settings.retry;
    let failed = 0;
    let outageWaits = 0;
    let conflicts = 0;
    while (failed < attempts) {
      const attempt = failed + 1;
      try {
        const delivery = { consumer: group.durable, attempt, deliveryCount: msg.info.deliveryCount, replay: false };
        const result = await attemptMessage(dataSource, group, event, delivery, { takeOverParked: false });
        return { outcome: result.result, attempts: attempt, ...(result.result === 'rejected' ? { error: summaryLine(result.error) } : {}) };
      } catch (error) {
        lastError = errorLine(error);
        this.warnIfMasked(error);
        if (isConcurrencyConflict(error) && ++conflicts <= MAX_CONFLICT_RETRIES) {
          // Another transaction wrote the stream first: a new transaction sees its events.
          this.deps.logger.debug?.({ msg: 'JetStream handler met a concurrent write; retrying', consumer: this.consumer, eventId: event.eventId, conflicts });
          await sleep(Math.random() * conflicts, halt);
          if (halt.aborted) return null;
          continue;
        }
        this.deps.logger.warn({ msg: 'JetStream handler failed', consumer: this.consumer, eventId: event.eventId, subject: event.subject, attempt, error: lastError });
        // A redelivered copy of an event already answered (or parked) is not retried and parked again.
        if (failed === 0 && (await this.answeredAlready(event))) return { outcome: 'duplicate', attempts: attempt };
        // The message itself is at fault (e.g. a payload breaking its contract): retrying cannot help.
        if (isUnretryable(error)) return this.park(raw, event, lastError, attempt, halt);
      }
      if (await databaseReachable(dataSource)) {
        failed++;
        if (failed < attempts) await sleep(backoffDelay(failed, initialDelayMs, maxDelayMs), halt);
      } else {
        // An outage is not the message's fault: parking everything that arrives meanwhile would
        // flood the dead-letter queue. Hold the partition; the attempt is not counted.
        await sleep(backoffDelay(++outageWaits, initialDelayMs, maxDelayMs), halt);
      }
      if (halt.aborted) return null;
    }
    return this.park(raw, event, lastError, attempts, halt);
  }

  /**
   * Dead-letters the message, holding its partition (and so the aggregate's order) until
   * JetStream has stored the copy: a message is never acked without a final answer.
   */
  private async park(
    raw: RawMessage,
    event: ConsumedEvent | null,
    error: string,
    attempts: number,
    halt: AbortSignal,
  ): Promise<{ outcome: ConsumerOutcome; attempts: number; error: string } | null> {
    const { app, group, js, dataSource, settings } = this.deps;
    const request = {
      app,
      handler: group.handler,
      durable: group.durable,
      message: raw,
      originalSubject: event?.subject ?? unprefixed(settings.namespace, raw.subject),
      eventId: event?.eventId ?? null,
      error,
      attempts,
      parkedAt: new Date(),
    };
    for (let failures = 1; ; failures++) {
      try {
        const seq = await parkMessage(js, dataSource, settings.namespace, request);
        this.deps.logger.error({ msg: 'JetStream message parked', consumer: this.consumer, eventId: request.eventId, subject: request.originalSubject, attempts, deadLetterSeq: seq, error });
        break;
      } catch (parkError) {
        this.deps.logger.error({ msg: 'JetStream message could not be parked yet', consumer: this.consumer, eventId: request.eventId, error: errorLine(parkError) });
        await sleep(backoffDelay(failures, settings.retry.initialDelayMs, settings.retry.maxDelayMs), halt);
        if (halt.aborted) return null;
      }
    }
    if (event) {
      // Keeps a redelivered copy (after a rewind) from running again; a replay takes the row over.
      await recordInboxOutcome(dataSource.manager, group.durable, event.eventId, 'parked', { error, attempts }, { overwriteParked: true }).catch((e: unknown) =>
        this.deps.logger.warn({ msg: 'JetStream parked message not recorded in the inbox', consumer: this.consumer, eventId: event.eventId, error: errorLine(e) }),
      );
    }
    return { outcome: 'parked', attempts, error };
  }

  private async answeredAlready(event: ConsumedEvent): Promise<boolean> {
    return inboxAnswered(this.deps.dataSource.manager, this.consumer, event.eventId, { takeOverParked: false }).catch(() => false);
  }

  /**
   * A plain ack, not a confirmed one (ackAck is a request: a round trip and a reply subscription
   * per message), sent with the app's other acks (AckBuffer). A lost ack is harmless: the message
   * comes back after ack_wait or a rewind, and the inbox answers `duplicate`.
   */
  private ack(msg: JsMsg): void {
    this.deps.acks.add(() => {
      try {
        if (this.deps.connectionClosed()) throw new Error('NATS connection closed');
        msg.ack();
      } catch (error) {
        this.deps.logger.warn({ msg: 'JetStream ack not sent', consumer: this.consumer, seq: msg.seq, error: errorLine(error) });
      }
    });
  }

  private keepAlive(): void {
    for (const msg of this.held) {
      try {
        msg.working();
      } catch {
        // Connection gone: the reconnect resync takes care of these messages.
      }
    }
  }

  private done(delivery: Pick<Delivery, 'raw' | 'event'>, outcome: ConsumerOutcome, attempts: number, error?: string): void {
    const event = delivery.event instanceof UnreadableMessageError ? null : delivery.event;
    const report: ConsumerOutcomeReport = {
      consumer: this.consumer,
      outcome,
      eventId: event?.eventId ?? null,
      subject: event?.subject ?? unprefixed(this.deps.settings.namespace, delivery.raw.subject),
      aggregateId: event?.aggregateId ?? null,
      streamSequence: delivery.raw.streamSequence,
      attempts,
      ...(error ? { error } : {}),
    };
    if (outcome === 'rejected') this.deps.logger.warn({ msg: 'JetStream event rejected (domain error), acked', ...report });
    else this.deps.logger.debug?.({ msg: `JetStream event ${outcome}`, ...report });
    this.deps.report(report);
  }

  private warnIfMasked(error: unknown): void {
    if (this.maskedErrorWarned || !isNestMaskedError(error)) return;
    this.maskedErrorWarned = true;
    this.deps.logger.warn({
      msg: 'Handler errors reach the JetStream transport masked by Nest: register PassErrorsToJetStreamFilter (connectJetStreamConsumers does) so domain errors are acked, not retried',
      consumer: this.consumer,
    });
  }
}
