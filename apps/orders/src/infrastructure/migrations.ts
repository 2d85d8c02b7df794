import { eventStoreMigrations } from '@brigade/event-store';
import { inboxMigrations, relayMigrations } from '@brigade/messaging';
import { sagaMigrations } from '@brigade/sagas';
import { CreateRestaurantReplica1700000001000 } from '../projections/restaurant-replica/create-restaurant-replica.migration';

/**
 * Every migration of the orders database: the event store (orders and their sagas), the relay's
 * checkpoint, the consumers' inbox, saga deadlines, and the restaurant replica.
 */
export const ordersMigrations = [...eventStoreMigrations, ...relayMigrations, ...inboxMigrations, ...sagaMigrations, CreateRestaurantReplica1700000001000];
