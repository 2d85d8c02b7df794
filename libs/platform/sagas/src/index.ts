// Durable sagas. A saga is a decider whose decisions are plain data (events, commands, deadline);
// SagaRunner carries a decision out in one transaction. Deadlines are set in the transaction of
// the saga step that sets them, fired once (FOR UPDATE SKIP LOCKED) in a transaction that also
// removes them, surviving restarts; a failing handler is retried with backoff, never dropped.
import { CreateSagaDeadlines1700000000300 } from './lib/migrations/1700000000300-create-saga-deadlines';

export * from './lib/deadlines';
export * from './lib/deadline-runner';
export * from './lib/saga-runner';

export const sagaMigrations = [CreateSagaDeadlines1700000000300];
