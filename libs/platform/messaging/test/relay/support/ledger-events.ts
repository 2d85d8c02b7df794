import { randomUUID } from 'node:crypto';
import type { EventMetadata, NewEvent, StoredEvent } from '@brigade/event-store';
import type { EventMapping } from '../../../src';

/** A made-up context for relay tests: entries are published, audits stay internal. */
export const LEDGER = 'ledger';
export const LEDGER_STREAM_TYPE = 'Entry';
export const entryRecordedV1Subject = 'ledger.entry.entry-recorded.v1';

export function mapLedgerEvent(event: StoredEvent): EventMapping | null {
  switch (event.type) {
    case 'EntryRecorded':
      return { subject: entryRecordedV1Subject, payload: { entryId: event.streamId, amount: (event.data as { amount: number }).amount } };
    case 'EntryAudited':
      return null; // internal-only: never on the wire
    default:
      throw new Error(`unmapped ledger event ${event.type}`);
  }
}

export function anEntryRecorded(amount = 1): NewEvent {
  return { eventId: randomUUID(), type: 'EntryRecorded', data: { amount } };
}

export function anEntryAudited(): NewEvent {
  return { eventId: randomUUID(), type: 'EntryAudited', data: { auditor: 'nightly-job' } };
}

export function aMetadata(overrides: Partial<EventMetadata> = {}): EventMetadata {
  return {
    correlationId: randomUUID(),
    causationId: null,
    actor: { id: 'clerk-1', role: 'restaurant' },
    occurredAt: '2026-01-05T12:00:00.000Z',
    ...overrides,
  };
}
