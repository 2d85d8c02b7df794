import { eventStoreMigrations } from '@brigade/event-store';
import { relayMigrations } from '@brigade/messaging';

/**
 * Every migration of the restaurants database. Restaurants keep no tables of their own yet:
 * GET is served from the aggregate's stream, so the event store and the relay's checkpoint are all.
 */
export const restaurantsMigrations = [...eventStoreMigrations, ...relayMigrations];
