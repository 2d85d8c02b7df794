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
    await runInTransaction(dataSource, async (manager) => {
      for (const { callback } of handlers) await invoke(callback, event.data, context);
      // The live path marks the inbox in the COMMIT's round trip; a replay may take over a parked row.
      const mark = options.takeOverParked ? null : inboxMarkStatement(group.durable, event.eventId);
      if (mark) commitWith(dataSource, mark);
      else if (!(await claimInbox(manager, group.durable, event.eventId, options))) throw new AlreadyAnswered();
    });
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

/** Nest wraps each handler; its result may be a value, a promise or an observable. */
async function invoke(callback: MessageHandler, data: unknown, context: JetStreamContext): Promise<void> {
  const result: unknown = await callback(data, context);
  if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
}
