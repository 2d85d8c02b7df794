import { eventStoreMigrations } from '@brigade/event-store';
import { inboxMigrations, relayMigrations } from '@brigade/messaging';
import { CreatePaymentView1700000005000 } from './migrations/1700000005000-create-payment-view';

/**
 * Every migration of the accounting database: the event store, the relay's checkpoint, the inbox
 * of consumed events and the view of each consumer's payments (GET /accounts/:consumerId).
 */
export const accountingMigrations = [...eventStoreMigrations, ...relayMigrations, ...inboxMigrations, CreatePaymentView1700000005000];
