import { AppRecords } from '@brigade/component-testing';

// Checks that hold for every app's store whatever its domain, read from one snapshot of its
// database (events with their causation and transaction, and its inbox): together they say that
// every message a durable handled took effect once, in one transaction, and was answered.

/**
 * A message's effects (the events appended while handling it carry its event id as causation)
 * commit in one transaction. Effects of one cause in two transactions mean it was applied twice.
 */
export function effectsAppliedTwice(app: string, { events }: AppRecords): string[] {
  const transactions = new Map<string, Set<string>>();
  for (const event of events) {
    if (!event.causationId) continue;
    transactions.set(event.causationId, (transactions.get(event.causationId) ?? new Set()).add(event.transactionId));
  }
  return [...transactions]
    .filter(([, seen]) => seen.size > 1)
    .map(([cause, seen]) => `${app}: the effects of ${cause} committed in ${seen.size} transactions (${events.filter((e) => e.causationId === cause).map((e) => e.type).join(', ')})`);
}

/**
 * Every effect of a message has its inbox row (`processed`), written in the same transaction; an
 * effect of the app's own event (a saga's deadline firing, say) has that event in the store.
 */
export function unansweredCauses(app: string, { events, inbox }: AppRecords): string[] {
  const processed = new Set(inbox.filter((row) => row.outcome === 'processed').map((row) => row.eventId));
  const own = new Set(events.map((event) => event.eventId));
  return events
    .filter((event) => event.causationId && !processed.has(event.causationId) && !own.has(event.causationId))
    .map((event) => `${app}: ${event.type} ${event.eventId} caused by ${event.causationId}, which no inbox row answers`);
}

/** Every message was handled: none parked, refused with a domain error, or discarded. */
export function inboxFailures(app: string, { inbox }: AppRecords): string[] {
  return inbox.filter((row) => row.outcome !== 'processed').map((row) => `${app}: ${row.consumer} ${row.outcome} ${row.eventId}: ${JSON.stringify(row.detail)}`);
}
