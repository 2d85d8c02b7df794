import { eventStoreMigrations } from '@brigade/event-store';
import { relayMigrations } from '@brigade/messaging';
import { CreateCredentials1700000008000 } from './migrations/1700000008000-create-credentials';
import { CreateSigningKeys1700000008100 } from './migrations/1700000008100-create-signing-keys';
import { CreateLoginFailures1700000008200 } from './migrations/1700000008200-create-login-failures';

/**
 * Every migration of the identity database: the event store (users' streams), the relay's
 * checkpoint, and identity's own tables: credentials, signing keys and login failures. Identity
 * consumes no events, so it keeps no inbox.
 */
export const identityMigrations = [
  ...eventStoreMigrations,
  ...relayMigrations,
  CreateCredentials1700000008000,
  CreateSigningKeys1700000008100,
  CreateLoginFailures1700000008200,
];
