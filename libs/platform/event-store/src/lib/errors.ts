/**
 * Why an append was refused:
 * - 'version': the stream is not at the expected version (someone else appended first);
 * - 'transaction-order': the stream's last event was written by a transaction that began later
 *   than this one; only a new transaction can append (see statements.ts, the xid guard).
 */
export type ConcurrencyReason = 'version' | 'transaction-order';

/** The stream changed since it was read. Load again and retry; CommandRunner does so a bounded number of times. */
export class ConcurrencyError extends Error {
  readonly code = 'EVENT_STORE.CONCURRENCY';
  constructor(
    readonly streamId: string,
    readonly expectedVersion: number | 'any',
    /** null: not known (an append sent with the COMMIT learns only that it was refused). */
    readonly actualVersion: number | null,
    readonly reason: ConcurrencyReason = 'version',
  ) {
    super(
      actualVersion === null
        ? `Stream ${streamId} is no longer at version ${expectedVersion}, or was written by a newer transaction`
        : `Stream ${streamId} is at version ${actualVersion}, expected ${expectedVersion}${reason === 'transaction-order' ? ' (written by a newer transaction)' : ''}`,
    );
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
