import type { DomainEvent } from '@brigade/domain';

/**
 * Who caused a change, as a verified access token said (or `system` for the platform's own
 * reactions). A consumer, restaurant or courier user acts for the one consumer, restaurant or
 * courier its token binds it to.
 */
export interface Actor {
  readonly id: string;
  readonly role: 'consumer' | 'restaurant' | 'courier' | 'admin' | 'system' | 'anonymous';
  readonly consumerId?: string;
  readonly restaurantId?: string;
  readonly courierId?: string;
}

export interface EventMetadata {
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly actor: Actor;
  /** ISO-8601; when the business fact happened (comes with the command, never Date.now() in the domain). */
  readonly occurredAt: string;
}


export interface NewEvent extends DomainEvent {
  /** Globally unique; appending an already stored id is a no-op. Generated when absent. */
  readonly eventId?: string;
}

/**
 * Position in the gap-free global order: the writing transaction's id (xid8) and the
 * insert sequence inside it, both as decimal strings (they exceed 2^53).
 */
export interface GlobalPosition {
  readonly transactionId: string;
  readonly sequence: string;
}

export interface StoredEvent<E extends DomainEvent = DomainEvent> {
  readonly eventId: string;
  readonly streamId: string;
  readonly streamType: string;
  /** 1-based version of the stream after this event. */
  readonly streamVersion: number;
  readonly type: E['type'];
  /** Current schema version of `data` (after upcasting). */
  readonly schemaVersion: number;
  readonly data: E['data'];
  readonly metadata: EventMetadata;
  readonly position: GlobalPosition;
  readonly recordedAt: Date;
}

/**
 * `number`: the stream must be exactly at that version (0 = must not exist yet);
 * 'any': no check.
 */
export type ExpectedVersion = number | 'any';

export interface AppendResult {
  /** Version of the stream after the append (or after the earlier append, for a duplicate). */
  readonly streamVersion: number;
  /** False when every event id was already stored: the append was an idempotent no-op. */
  readonly appended: boolean;
}

/** Raises a stored event's data from one schema version to the next. */
export interface Upcaster {
  readonly eventType: string;
  readonly fromVersion: number;
  upcast(data: Record<string, unknown>): Record<string, unknown>;
}

export interface Snapshot<S> {
  readonly streamId: string;
  readonly streamVersion: number;
  /** Version of the snapshot's format; a snapshot of another format is ignored. */
  readonly schemaVersion: number;
  readonly state: S;
}
