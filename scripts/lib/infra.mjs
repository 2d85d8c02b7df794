// The infrastructure `npm start` and `npm test` need: PostgreSQL and NATS JetStream, the ones
// configured (DATABASE_URL / NATS_URL) when reachable, otherwise embedded ones started here.
// Every handle's stop() stops only what this process started.
import { ensurePostgres } from './postgres.mjs';
import { ensureNats } from './nats.mjs';

export { ensurePostgres, ensureNats };
export { ensureDatabase, DEFAULT_DATABASE_URL } from './postgres.mjs';
export { DEFAULT_NATS_URL } from './nats.mjs';

/**
 * PostgreSQL, then NATS (`options.users`: a NATS started here has a user per app). Each handle is
 * pushed onto `started` as soon as it is up, so that a failure half-way still lets the caller stop
 * what was started (in reverse order).
 */
export async function ensureInfrastructure(options, started) {
  const postgres = await ensurePostgres(options);
  started.push(postgres);
  const nats = await ensureNats(options);
  started.push(nats);
  return { postgres, nats };
}
