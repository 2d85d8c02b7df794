// The infrastructure `npm start` and `npm test` need: PostgreSQL and NATS JetStream, the ones
// configured (DATABASE_URL / NATS_URL) when reachable, otherwise embedded ones started here.
// Every handle's stop() stops only what this process started.
export { ensurePostgres, ensureDatabase, DEFAULT_DATABASE_URL } from './postgres.mjs';
export { ensureNats, DEFAULT_NATS_URL } from './nats.mjs';
