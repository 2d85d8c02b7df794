import { eventStoreMigrations } from '@brigade/event-store';
import { inboxMigrations, relayMigrations } from '@brigade/messaging';
import { CreateRestaurantReplica1700000006000 } from './migrations/1700000006000-create-restaurant-replica';
import { CreateAssignmentBoard1700000006100 } from './migrations/1700000006100-create-assignment-board';

/** Every migration of the delivery database: event store, relay checkpoint, consumers' inbox, the restaurant replica and the assignment board. */
export const deliveryMigrations = [
  ...eventStoreMigrations,
  ...relayMigrations,
  ...inboxMigrations,
  CreateRestaurantReplica1700000006000,
  CreateAssignmentBoard1700000006100,
];
