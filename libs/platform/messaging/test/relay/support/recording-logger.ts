import type { RelayLogger } from '../../../src';

/** Keeps test output clean; the entries stay inspectable. */
export function recordingLogger(): RelayLogger & { readonly entries: object[] } {
  const entries: object[] = [];
  const record = (message: object): void => void entries.push(message);
  return { entries, log: record, warn: record, error: record, debug: record };
}
