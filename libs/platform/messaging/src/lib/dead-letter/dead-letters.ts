import { Injectable, Logger } from '@nestjs/common';
import type { StoredMsg } from '@nats-io/jetstream';
import { RawMessage, UnreadableMessageError, headerRecord, isUuid, readConsumedEvent } from '../consumer/consumed-event';
import { errorLine } from '../consumer/consumer-errors';
import { recordInboxOutcome } from '../consumer/inbox';
import { JetStreamServer } from '../consumer/jetstream-server';
import { attemptMessage } from '../consumer/message-pipeline';
import { Headers, prefixed } from '../jetstream/naming';
import { DeadLetterHeaders, deadLetterStreamName, deadLetterSubjects } from './dead-letter-queue';
import { forgetParkedCopy, isNatsHeader, parkedCopyDigest, parkedHere } from './parked-copies';

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
  /**
   * True when this app parked the entry itself (its database recorded the copy). False for
   * anything else found on its dead-letter subjects: listed, never replayed.
   */
  readonly parkedHere: boolean;
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
  | 'failed'
  /** Not an entry this app parked (no record of the copy): never run through a handler; kept. */
  | 'not-parked-here';

export interface ReplayResult {
  readonly seq: number;
  readonly outcome: ReplayOutcome;
  /** Why it failed again, in full: for the logs, not for an HTTP answer (it may carry SQL or driver text). */
  readonly error?: string;
  /** The failure's stable code (`KITCHEN.TICKET.NOT_FOUND`, `CONTRACTS.PAYLOAD.INVALID`), when it has one. */
  readonly errorCode?: string;
}

/** Who asked for a replay: their request's correlation id goes in the log lines it writes. */
export interface ReplayRequest {
  readonly correlationId?: string;
}

const decoder = new TextDecoder();

/**
 * Lists, replays and discards what the app's consumers parked. A replay goes through the same
 * pipeline as a live delivery (inbox claim and handler in one transaction), so replaying twice,
 * or replaying a message the consumer meanwhile processed, changes nothing. Note that a replay
 * runs after later events of the same aggregate: the operator decides when that is right.
 * Only entries the app parked itself are replayed (parked-copies.ts): whoever else can publish
 * on a dead-letter subject cannot get a message of theirs run through a handler this way.
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
    const found: StoredMsg[] = [];
    let cursor = (options.after ?? 0) + 1;
    while (found.length < limit) {
      // STREAM.MSG.GET with next_by_subj (nats-server 2.9+): the first message at or after cursor.
      const query = { seq: cursor, next_by_subj: filter } as unknown as { seq: number };
      const stored = await jsm.streams.getMessage(this.stream(), query);
      if (!stored) break;
      found.push(stored);
      cursor = stored.seq + 1;
    }
    const ours = await parkedHere(this.server.dataSource.manager, found.map(digestOf));
    const items = found.map((stored) => this.toParked(stored, ours.has(digestOf(stored))));
    return { items, nextAfter: found.length < limit ? null : items[items.length - 1].seq };
  }

  async get(seq: number): Promise<ParkedMessage | null> {
    const stored = await this.fetch(seq);
    return stored && this.toParked(stored, await this.isParkedHere(stored));
  }

  /** null when there is no parked message `seq`. */
  async replay(seq: number, request: ReplayRequest = {}): Promise<ReplayResult | null> {
    const stored = await this.fetch(seq);
    if (!stored) return null;
    const parked = this.toParked(stored, await this.isParkedHere(stored));
    const context = { seq, consumer: parked.consumer, eventId: parked.eventId, correlationId: request.correlationId };
    if (!parked.parkedHere) {
      this.logger.warn({ msg: 'Dead letter replay refused: this app did not park that entry', ...context, subject: stored.subject });
      return { seq, outcome: 'not-parked-here' };
    }
    const group = this.server.handlerGroup(parked.consumer);
    if (!group) return this.failed(context, `No running consumer ${parked.consumer} in this app`);
    const raw: RawMessage = {
      subject: prefixed(this.server.settings.namespace, parked.subject),
      // Only what the digest covers: Nats-Msg-Id (the park id) must never stand in for the event id.
      headers: withoutNatsHeaders(parked.headers),
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
      return this.failed(context, message, codeOf(error));
    }
    await this.remove(seq);
    await forgetParkedCopy(this.server.dataSource.manager, digestOf(stored));
    this.logger.log({ msg: 'Dead letter replayed', ...context, outcome });
    return { seq, outcome };
  }

  /**
   * Drops a parked message for good; its event is marked `discarded` so no redelivery runs it.
   * An entry the app did not park is only removed: its claims mark nothing.
   */
  async discard(seq: number): Promise<boolean> {
    const stored = await this.fetch(seq);
    if (!stored) return false;
    const parked = this.toParked(stored, await this.isParkedHere(stored));
    if (parked.parkedHere && parked.eventId && isUuid(parked.eventId)) {
      await recordInboxOutcome(this.server.dataSource.manager, parked.consumer, parked.eventId, 'discarded', { deadLetterSeq: seq }, { overwriteParked: true });
    }
    await this.remove(seq);
    await forgetParkedCopy(this.server.dataSource.manager, digestOf(stored));
    this.logger.warn({ msg: 'Dead letter discarded', seq, consumer: parked.consumer, eventId: parked.eventId, parkedHere: parked.parkedHere });
    return true;
  }

  private failed(context: { seq: number; correlationId?: string }, error: string, errorCode?: string): ReplayResult {
    this.logger.warn({ msg: 'Dead letter replay failed; kept', ...context, error });
    return { seq: context.seq, outcome: 'failed', error, ...(errorCode ? { errorCode } : {}) };
  }

  /** Whether the app's database recorded this copy when one of its consumers parked it (under the consumer the copy names). */
  private async isParkedHere(stored: StoredMsg): Promise<boolean> {
    const consumer = headerRecord(stored.header)[Headers.ParkedBy] ?? '';
    return (await parkedHere(this.server.dataSource.manager, [digestOf(stored)], consumer)).size > 0;
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

  private toParked(stored: StoredMsg, parkedHere: boolean): ParkedMessage {
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
      parkedHere,
    };
  }
}

function digestOf(stored: StoredMsg): string {
  return parkedCopyDigest({ subject: stored.subject, headers: headerRecord(stored.header), body: stored.data });
}

function withoutNatsHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !isNatsHeader(name)));
}

/** Brigade codes look like `CONTEXT.AGGREGATE.REASON`; a driver's (a SQLSTATE such as 23505) is internal. */
const STABLE_CODE = /^[A-Z][A-Z0-9_]*(?:\.[A-Z][A-Z0-9_]*)+$/;

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && STABLE_CODE.test(code) ? code : undefined;
}
