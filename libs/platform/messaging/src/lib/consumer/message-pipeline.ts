import { runInTransaction } from '@brigade/event-store';
import type { MessageHandler } from '@nestjs/microservices';
import { isObservable, lastValueFrom } from 'rxjs';
import { DataSource } from 'typeorm';
import { ConsumedEvent } from './consumed-event';
import { ErrorSummary, isDomainErrorLike, summarizeError } from './consumer-errors';
import { HandlerGroup, handlersFor } from './handler-groups';
import { claimInbox, recordInboxOutcome } from './inbox';
import { DeliveryInfo, JetStreamContext } from './jetstream-context';

export type AttemptResult =
  | { readonly result: 'processed' }
  /** The inbox already holds a final answer for this event: nothing ran. */
  | { readonly result: 'duplicate' }
  /** A DomainError: a final answer, recorded in the inbox. */
  | { readonly result: 'rejected'; readonly error: ErrorSummary };

/**
 * One attempt at one message: inbox claim and every matching handler in ONE transaction, so the
 * effect and the "done" mark commit together or not at all. Handlers join that transaction via
 * currentManager(dataSource) / the EventStore. Anything other than a DomainError is thrown for
 * the caller to retry or park; the transaction has been rolled back by then.
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
    const claimed = await runInTransaction(dataSource, async (manager) => {
      if (!(await claimInbox(manager, group.durable, event.eventId, options))) return false;
      for (const { callback } of handlers) await invoke(callback, event.data, context);
      return true;
    });
    return claimed ? { result: 'processed' } : { result: 'duplicate' };
  } catch (error) {
    if (!isDomainErrorLike(error)) throw error;
    const summary = summarizeError(error);
    await recordInboxOutcome(dataSource.manager, group.durable, event.eventId, 'rejected', { ...summary });
    return { result: 'rejected', error: summary };
  }
}

/** Nest wraps each handler; its result may be a value, a promise or an observable. */
async function invoke(callback: MessageHandler, data: unknown, context: JetStreamContext): Promise<void> {
  const result: unknown = await callback(data, context);
  if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
}
