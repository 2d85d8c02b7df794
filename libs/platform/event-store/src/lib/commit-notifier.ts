import { DataSource } from 'typeorm';

/** Channel on which appends are announced; relays LISTEN on it. */
export const EVENTS_NOTIFY_CHANNEL = 'brigade_events';

/**
 * Wakes relays after commits that appended events. NOTIFY inside the appending transaction
 * would serialise every commit on PostgreSQL's notification-queue lock (no group commit), so
 * it is sent after commit instead, coalesced to at most one in flight: a burst of commits
 * costs one or two NOTIFYs. A lost notification (crash right after commit) only delays
 * publishing until the relay's safety poll; correctness never depends on it.
 */
export class CommitNotifier {
  private inFlight = false;
  private pending = false;

  constructor(private readonly dataSource: DataSource) {}

  notify(): void {
    if (this.inFlight) {
      this.pending = true;
      return;
    }
    this.inFlight = true;
    this.pending = false;
    this.dataSource
      .query('SELECT pg_notify($1, $2)', [EVENTS_NOTIFY_CHANNEL, ''])
      .catch(() => undefined)
      .finally(() => {
        this.inFlight = false;
        if (this.pending && this.dataSource.isInitialized) this.notify();
      });
  }
}
