import { eventStoreMigrations } from '@brigade/event-store';
import { inboxMigrations, relayMigrations } from '@brigade/messaging';

/**
 * Every migration of the accounting database: the event store, the relay's checkpoint and the
 * inbox of consumed events. GET is served from the account's own stream, so no tables of its own.
 */
export const accountingMigrations = [...eventStoreMigrations, ...relayMigrations, ...inboxMigrations];
