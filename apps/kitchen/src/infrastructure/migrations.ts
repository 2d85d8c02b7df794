import { eventStoreMigrations } from '@brigade/event-store';
import { inboxMigrations, relayMigrations } from '@brigade/messaging';
import { CreateRestaurantReplica1700000004000 } from './migrations/1700000004000-create-restaurant-replica';
import { CreateTicketView1700000004100 } from './migrations/1700000004100-create-ticket-view';
import { AddTicketPendingRevision1700000004200 } from './migrations/1700000004200-add-ticket-pending-revision';
import { IndexTicketPages1700000004300 } from './migrations/1700000004300-index-ticket-pages';

/** Every migration of the kitchen database: event store, relay checkpoint, consumers' inbox, the replica and the ticket view (paged). */
export const kitchenMigrations = [
  ...eventStoreMigrations,
  ...relayMigrations,
  ...inboxMigrations,
  CreateRestaurantReplica1700000004000,
  CreateTicketView1700000004100,
  AddTicketPendingRevision1700000004200,
  IndexTicketPages1700000004300,
];
