import { DataSource } from 'typeorm';
import { Sql } from './sql';
import { notifyAppended } from './statements';
import type { GlobalPosition } from './types';

/** Channel on which appends are announced; relays LISTEN on it. */
export const EVENTS_NOTIFY_CHANNEL = 'brigade_events';

type Listener = () => void;
const localListeners = new WeakMap<DataSource, Set<Listener>>();

/**
 * Calls `listener` in this process after every commit that appended events through
 * `dataSource`: a relay in the same process wakes without waiting for PostgreSQL's NOTIFY.
 * Returns the function that unsubscribes.
 */
export function onAppendCommitted(dataSource: DataSource, listener: Listener): () => void {
  let listeners = localListeners.get(dataSource);
  if (!listeners) localListeners.set(dataSource, (listeners = new Set()));
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The rows of a page of the global order as PostgreSQL answered them (EventStore.pageFromRows reads them), and where it starts. */
export interface PageRows {
  readonly after: GlobalPosition | undefined;
  readonly rows: unknown[];
}

/**
 * A reader of the global order in this process (the relay) that takes the page a commit makes
 * readable, read right after that COMMIT in its round trip, instead of a round trip of its own.
 */
export interface CommitPageReader {
  /** Where it would read next, when it wants that page now (waiting for a commit); null otherwise. */
  nextPage(): { readonly after: GlobalPosition | undefined; readonly limit: number } | null;
  /** The page read from there right after the COMMIT, or null (not read: it reads itself). Once per nextPage answered. */
  take(page: PageRows | null): void;
}

const pageReaders = new WeakMap<DataSource, CommitPageReader>();

/** Registers this process's reader of `dataSource`'s global order (one); returns the function that unregisters it. */
export function onCommitPage(dataSource: DataSource, reader: CommitPageReader): () => void {
  pageReaders.set(dataSource, reader);
  return () => {
    if (pageReaders.get(dataSource) === reader) pageReaders.delete(dataSource);
  };
}

export function commitPageReaderOf(dataSource: DataSource): CommitPageReader | null {
  return pageReaders.get(dataSource) ?? null;
}

/** Under a burst of appends, at most one NOTIFY per this interval (the first one goes at once). */
const NOTIFY_INTERVAL_MS = 5;

/**
 * Wakes relays after commits that appended events: directly when a relay runs in this process,
 * otherwise through NOTIFY. NOTIFY inside the appending transaction would serialise
 * every commit on PostgreSQL's notification-queue lock (no group commit), so it is sent after
 * commit instead, throttled: an isolated append notifies at once, a burst costs one NOTIFY per
 * interval (each NOTIFY is a small transaction of its own; a relay busy with a burst needs no
 * more wake-ups). A lost notification (crash right after commit) only delays publishing until
 * the relay's safety poll; correctness never depends on it.
 */
export class CommitNotifier {
  private pending = false;
  private inFlight = false;
  private timer: NodeJS.Timeout | null = null;
  private lastSentAt = Number.NEGATIVE_INFINITY;
  private readonly sql: Sql;

  constructor(private readonly dataSource: DataSource) {
    this.sql = new Sql(dataSource);
  }

  notify(): void {
    const local = localListeners.get(this.dataSource);
    if (local?.size) {
      // A relay in this process: wake it directly and spare the NOTIFY transaction. A relay in
      // another process (e.g. a second instance during a rolling deploy) finds the events on its
      // own process's wake-ups or its safety poll; nothing depends on this wake-up for correctness.
      local.forEach((listener) => listener());
      return;
    }
    this.pending = true;
    this.sendWhenDue();
  }

  private sendWhenDue(): void {
    if (!this.pending || this.inFlight || this.timer || !this.dataSource.isInitialized) return;
    const wait = this.lastSentAt + NOTIFY_INTERVAL_MS - performance.now();
    if (wait > 0) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.sendWhenDue();
      }, wait);
      this.timer.unref();
      return;
    }
    this.pending = false;
    this.inFlight = true;
    this.lastSentAt = performance.now();
    this.sql
      .queryOutsideTransaction(notifyAppended, [EVENTS_NOTIFY_CHANNEL, ''])
      .catch(() => undefined)
      .finally(() => {
        this.inFlight = false;
        this.sendWhenDue();
      });
  }
}
