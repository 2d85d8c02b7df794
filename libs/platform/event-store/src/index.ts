// Event store on PostgreSQL. Guarantees: appends are atomic and checked against the expected
// stream version (ConcurrencyError otherwise); an already stored event id is a no-op; readAll
// yields events in a global order in which a committed event never appears behind a position
// already read; upcasters raise old schema versions on read; snapshots of another format are ignored.
import { CreateEventStore1700000000000 } from './lib/migrations/1700000000000-create-event-store';
import { AppendCheck1700000000001 } from './lib/migrations/1700000000001-append-check';

export * from './lib/types';
export * from './lib/errors';
export * from './lib/event-store';
export * from './lib/command-runner';
export * from './lib/unit-of-work';
export * from './lib/committed-read-cache';
export * from './lib/sql-literal';
export * from './lib/statement-names';
export type { PipelinedStatement } from './lib/pipeline';
export { EVENTS_NOTIFY_CHANNEL, onAppendCommitted, onCommitPage, type CommitPageReader, type PageRows } from './lib/commit-notifier';
export { UpcasterChain } from './lib/upcasting';

/** Add to every context DataSource's `migrations`. */
export const eventStoreMigrations = [CreateEventStore1700000000000, AppendCheck1700000000001];
