import { eventStoreMigrations } from '@brigade/event-store';
import { inboxMigrations, relayMigrations } from '@brigade/messaging';
import { CreateRestaurantReplica1700000004000 } from './migrations/1700000004000-create-restaurant-replica';
import { CreateTicketView1700000004100 } from './migrations/1700000004100-create-ticket-view';
import { AddTicketPendingRevision1700000004200 } from './migrations/1700000004200-add-ticket-pending-revision';

/** Every migration of the kitchen database: event store, relay checkpoint, consumers' inbox, the replica and the ticket view. */
export const kitchenMigrations = [
  ...eventStoreMigrations,
  ...relayMigrations,
  ...inboxMigrations,
  CreateRestaurantReplica1700000004000,
  CreateTicketView1700000004100,
  AddTicketPendingRevision1700000004200,
];
