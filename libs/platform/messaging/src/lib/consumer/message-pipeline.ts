import { commitWith, runInTransaction } from '@brigade/event-store';
import type { MessageHandler } from '@nestjs/microservices';
import { isObservable, lastValueFrom } from 'rxjs';
import { DataSource } from 'typeorm';
import { ConsumedEvent } from './consumed-event';
import { ErrorSummary, isDomainErrorLike, summarizeError } from './consumer-errors';
import { HandlerGroup, handlersFor } from './handler-groups';
import { claimInbox, inboxMarkStatement, isInboxConflict, recordInboxOutcome } from './inbox';
import { DeliveryInfo, JetStreamContext } from './jetstream-context';

export type AttemptResult =
  | { readonly result: 'processed' }
  /** The inbox already holds a final answer for this event: nothing ran. */
  | { readonly result: 'duplicate' }
  /** A DomainError: a final answer, recorded in the inbox. */
  | { readonly result: 'rejected'; readonly error: ErrorSummary };

/** The inbox already holds an answer (a redelivery, or a concurrent attempt that committed first): roll back. */
class AlreadyAnswered extends Error {}

/**
 * One attempt at one message: every matching handler and the inbox's "done" mark in ONE
 * transaction, so the effect and the mark commit together or not at all. Handlers join that
 * transaction via currentManager(dataSource) / the EventStore. The mark is written last (see
 * claimInbox); a duplicate's handlers run, then roll back. Anything other than a DomainError
 * is thrown for the caller to retry or park; the transaction has been rolled back by then.
 */
export async function attemptMessage(
  dataSource: DataSource,
  group: HandlerGroup,
  event: ConsumedEvent,
  delivery: DeliveryInfo,
  options: { takeOverParked: boolean },
): Promise<AttemptResult> {
  const handlers = handlersFor(group, event.subject);
  const context = new JetStreamContext([event, delivery]);
  try {
    await runInTransaction(
      dataSource,
      async (manager) => {
        for (const { callback } of handlers) await invoke(callback, event.data, context);
        // The live path marks the inbox in the COMMIT's round trip; a replay may take over a parked row.
        const mark = options.takeOverParked ? null : inboxMarkStatement([{ consumer: group.durable, eventId: event.eventId }]);
        if (mark) commitWith(dataSource, mark);
        else if (!(await claimInbox(manager, group.durable, event.eventId, options))) throw new AlreadyAnswered();
      },
      // The worker runs the whole transaction again on a ConcurrencyError, so appends can go with the COMMIT.
      // A replay (an operator's request) keeps CommandRunner's own retries instead.
      { appendsAtCommit: !options.takeOverParked },
    );
    return { result: 'processed' };
  } catch (error) {
    if (error instanceof AlreadyAnswered || isInboxConflict(error)) return { result: 'duplicate' };
    if (!isDomainErrorLike(error)) throw error;
    const summary = summarizeError(error);
    const recorded = await recordInboxOutcome(dataSource.manager, group.durable, event.eventId, 'rejected', { ...summary }, {
      overwriteParked: options.takeOverParked,
    });
    return recorded ? { result: 'rejected', error: summary } : { result: 'duplicate' };
  }
}

/** A message of a batch: the durable's handlers, its event and how it was delivered. */
export interface BatchItem {
  readonly group: HandlerGroup;
  readonly event: ConsumedEvent;
  readonly delivery: DeliveryInfo;
}

export type BatchResult = { readonly committed: true } | { readonly committed: false; readonly reason: string };

/**
 * A batch waits this long at most for a lock: two batches taking the same locks in different
 * orders would otherwise wait for PostgreSQL's deadlock detection (deadlock_timeout, 1 s).
 */
const BATCH_LOCK_TIMEOUT = `SET LOCAL lock_timeout = '100ms'`;

/**
 * Several messages in ONE transaction: each one's handlers in turn, then one inbox row per
 * message (each under its own durable's name) in the COMMIT's round trip. The messages are of
 * different aggregates of one durable (a batch), or of one lane group, which may span durables
 * and hold several messages of one saga. It saves a transaction's fixed costs per message
 * (BEGIN, COMMIT, the relay's read after it), which is what a consumer that falls behind needs.
 * All or nothing: if anything fails (a domain answer, a conflict, a duplicate, a lock not
 * granted in time), the batch rolls back and the caller attempts each message on its own
 * (attemptMessage), which gives each its own answer.
 */
export async function attemptBatch(dataSource: DataSource, items: readonly BatchItem[]): Promise<BatchResult> {
  const mark = inboxMarkStatement(items.map(({ group, event }) => ({ consumer: group.durable, eventId: event.eventId })));
  if (!mark) return { committed: false, reason: 'an event id cannot be inlined in the inbox mark' };
  try {
    await runInTransaction(
      dataSource,
      async () => {
        for (const { group, event, delivery } of items) {
          const context = new JetStreamContext([event, delivery]);
          for (const { callback } of handlersFor(group, event.subject)) await invoke(callback, event.data, context);
        }
        commitWith(dataSource, mark);
      },
      // A batch that fails, a conflict included, runs each message again on its own: appends can go with the COMMIT.
      { beginWith: [BATCH_LOCK_TIMEOUT], failuresExpected: true, appendsAtCommit: true },
    );
    return { committed: true };
  } catch (error) {
    return { committed: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** Nest wraps each handler; its result may be a value, a promise or an observable. */
async function invoke(callback: MessageHandler, data: unknown, context: JetStreamContext): Promise<void> {
  const result: unknown = await callback(data, context);
  if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
}
