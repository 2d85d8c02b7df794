import { CreateRelayCheckpoints1700000000100 } from './1700000000100-create-relay-checkpoints';

/** Add to the DataSource migrations of every context that runs a relay. */
export const relayMigrations = [CreateRelayCheckpoints1700000000100];
