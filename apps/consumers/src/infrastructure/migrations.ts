import { eventStoreMigrations } from '@brigade/event-store';
import { inboxMigrations, relayMigrations } from '@brigade/messaging';

/**
 * Every migration of the consumers database. No tables of its own yet: GET is served from the
 * aggregate's stream; the relay keeps its checkpoint and the order-validation consumer its inbox.
 */
export const consumersMigrations = [...eventStoreMigrations, ...relayMigrations, ...inboxMigrations];
