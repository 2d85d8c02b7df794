/**
 * The stream was changed since it was read (or, rarely, by a transaction that began later
 * than this one). Load again and retry; CommandRunner does so a bounded number of times.
 */
export class ConcurrencyError extends Error {
  readonly code = 'EVENT_STORE.CONCURRENCY';
  constructor(
    readonly streamId: string,
    readonly expectedVersion: number | 'any',
    readonly actualVersion: number | null,
  ) {
    super(`Stream ${streamId} is at version ${actualVersion ?? 0}, expected ${expectedVersion}`);
    this.name = 'ConcurrencyError';
  }
}

/** Some, but not all, of an append's event ids were already stored: a caller bug, never retried. */
export class PartialDuplicateAppendError extends Error {
  readonly code = 'EVENT_STORE.PARTIAL_DUPLICATE';
  constructor(readonly streamId: string) {
    super(`Append to ${streamId} repeats some but not all of its event ids`);
    this.name = 'PartialDuplicateAppendError';
  }
}
