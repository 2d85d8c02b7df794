import { Injectable, Logger } from '@nestjs/common';
import type { StoredMsg } from '@nats-io/jetstream';
import { RawMessage, UnreadableMessageError, headerRecord, isUuid, readConsumedEvent } from '../consumer/consumed-event';
import { errorLine } from '../consumer/consumer-errors';
import { recordInboxOutcome } from '../consumer/inbox';
import { JetStreamServer } from '../consumer/jetstream-server';
import { attemptMessage } from '../consumer/message-pipeline';
import { Headers, prefixed } from '../jetstream/naming';
import { DeadLetterHeaders, deadLetterStreamName, deadLetterSubjects } from './dead-letter-queue';

/** A parked message as the admin API shows it. */
export interface ParkedMessage {
  /** Sequence in the app's dead-letter stream: the id used to replay or discard it. */
  readonly seq: number;
  /** `<app>--<handler>` that gave up on it. */
  readonly consumer: string;
  /** The original subject, unprefixed. */
  readonly subject: string;
  readonly eventId: string | null;
  readonly aggregateId: string | null;
  readonly error: string;
  readonly attempts: number;
  readonly parkedAt: string;
  readonly originalSequence: number | null;
  /** The body, parsed when it is JSON. */
  readonly data: unknown;
  readonly headers: Readonly<Record<string, string>>;
}

export interface DeadLetterPage {
  readonly items: ParkedMessage[];
  /** Pass as `after` for the next page; null when this page reached the end. */
  readonly nextAfter: number | null;
}

export type ReplayOutcome =
  /** Handled now; removed from the dead-letter queue. */
  | 'processed'
  /** The inbox already held a final answer for the event; the stale copy was removed. */
  | 'already-processed'
  /** The handler answered with a domain error (a final answer, recorded); removed. */
  | 'rejected'
  /** Still failing: kept in the dead-letter queue. */
  | 'failed';

export interface ReplayResult {
  readonly seq: number;
  readonly outcome: ReplayOutcome;
  readonly error?: string;
}

const decoder = new TextDecoder();

/**
 * Lists, replays and discards what the app's consumers parked. A replay goes through the same
 * pipeline as a live delivery (inbox claim and handler in one transaction), so replaying twice,
 * or replaying a message the consumer meanwhile processed, changes nothing. Note that a replay
 * runs after later events of the same aggregate: the operator decides when that is right.
 */
@Injectable()
export class DeadLetters {
  private readonly logger = new Logger(DeadLetters.name);

  constructor(private readonly server: JetStreamServer) {}

  async list(options: { after?: number; limit?: number; handler?: string } = {}): Promise<DeadLetterPage> {
    const limit = options.limit ?? 50;
    const { jsm } = await this.server.clients();
    const { namespace } = this.server.settings;
    const filter = options.handler ? prefixed(namespace, `dlq.${this.server.app}.${options.handler}`) : deadLetterSubjects(namespace, this.server.app);
    const items: ParkedMessage[] = [];
    let cursor = (options.after ?? 0) + 1;
    while (items.length < limit) {
      // STREAM.MSG.GET with next_by_subj (nats-server 2.9+): the first message at or after cursor.
      const query = { seq: cursor, next_by_subj: filter } as unknown as { seq: number };
      const stored = await jsm.streams.getMessage(this.stream(), query);
      if (!stored) return { items, nextAfter: null };
      items.push(this.toParked(stored));
      cursor = stored.seq + 1;
    }
    return { items, nextAfter: items[items.length - 1].seq };
  }

  async get(seq: number): Promise<ParkedMessage | null> {
    const stored = await this.fetch(seq);
    return stored && this.toParked(stored);
  }

  /** null when there is no parked message `seq`. */
  async replay(seq: number): Promise<ReplayResult | null> {
    const stored = await this.fetch(seq);
    if (!stored) return null;
    const parked = this.toParked(stored);
    const group = this.server.handlerGroup(parked.consumer);
    if (!group) return { seq, outcome: 'failed', error: `No running consumer ${parked.consumer} in this app` };
    const raw: RawMessage = {
      subject: prefixed(this.server.settings.namespace, parked.subject),
      headers: parked.headers,
      body: stored.data,
      streamSequence: parked.originalSequence ?? 0,
      publishedAt: stored.time.toISOString(),
    };
    let outcome: ReplayOutcome;
    try {
      const event = readConsumedEvent(this.server.settings.namespace, raw);
      const delivery = { consumer: group.durable, attempt: 1, deliveryCount: 0, replay: true };
      const attempt = await attemptMessage(this.server.dataSource, group, event, delivery, { takeOverParked: true });
      outcome = attempt.result === 'duplicate' ? 'already-processed' : attempt.result;
    } catch (error) {
      const message = error instanceof UnreadableMessageError ? `Unreadable: ${error.message}` : errorLine(error);
      this.logger.warn({ msg: 'Dead letter replay failed; kept', seq, consumer: group.durable, eventId: parked.eventId, error: message });
      return { seq, outcome: 'failed', error: message };
    }
    await this.remove(seq);
    this.logger.log({ msg: 'Dead letter replayed', seq, consumer: group.durable, eventId: parked.eventId, outcome });
    return { seq, outcome };
  }

  /** Drops a parked message for good; its event is marked `discarded` so no redelivery runs it. */
  async discard(seq: number): Promise<boolean> {
    const stored = await this.fetch(seq);
    if (!stored) return false;
    const parked = this.toParked(stored);
    if (parked.eventId && isUuid(parked.eventId)) {
      await recordInboxOutcome(this.server.dataSource.manager, parked.consumer, parked.eventId, 'discarded', { deadLetterSeq: seq }, { overwriteParked: true });
    }
    await this.remove(seq);
    this.logger.warn({ msg: 'Dead letter discarded', seq, consumer: parked.consumer, eventId: parked.eventId });
    return true;
  }

  private stream(): string {
    return deadLetterStreamName(this.server.settings.namespace, this.server.app);
  }

  private async fetch(seq: number): Promise<StoredMsg | null> {
    if (!Number.isSafeInteger(seq) || seq < 1) return null;
    const { jsm } = await this.server.clients();
    return jsm.streams.getMessage(this.stream(), { seq });
  }

  private async remove(seq: number): Promise<void> {
    const { jsm } = await this.server.clients();
    try {
      await jsm.streams.deleteMessage(this.stream(), seq);
    } catch (error) {
      // A concurrent replay or discard removed it first: the end state is the same.
      if (!/no message found/i.test((error as Error)?.message ?? '')) throw error;
    }
  }

  private toParked(stored: StoredMsg): ParkedMessage {
    const h = headerRecord(stored.header);
    const text = decoder.decode(stored.data);
    let data: unknown = text;
    try {
      data = JSON.parse(text);
    } catch {
      // Kept as text: an unreadable body is one of the reasons a message gets parked.
    }
    const originalSequence = Number(h[DeadLetterHeaders.OriginalSequence]);
    return {
      seq: stored.seq,
      consumer: h[Headers.ParkedBy] ?? '',
      subject: h[Headers.OriginalSubject] ?? '',
      eventId: h[Headers.EventId] || null,
      aggregateId: h[Headers.AggregateId] || null,
      error: h[Headers.ParkedError] ?? '',
      attempts: Number(h[Headers.ParkedAttempts] ?? 0),
      parkedAt: h[DeadLetterHeaders.ParkedAt] ?? stored.time.toISOString(),
      originalSequence: Number.isSafeInteger(originalSequence) ? originalSequence : null,
      data,
      headers: h,
    };
  }
}
