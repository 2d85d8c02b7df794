// Test environment: every test file gets its own PostgreSQL database and its own NATS subject
// prefix on the shared servers, so files run in parallel without seeing each other; servers of a
// test's own (for outages and restarts) are cleaned up when the test process exits.
// Also: eventually() for asynchronous effects, gate() to hold work until the test lets it go,
// given/when/then for decider and saga specifications, and a test issuer of access tokens.
export * from './lib/environment';
export * from './lib/eventually';
export * from './lib/free-port';
export * from './lib/gate';
export * from './lib/given-when-then';
export * from './lib/given-saga';
export * from './lib/namespace';
export * from './lib/nats-server';
export * from './lib/postgres-server';
export * from './lib/redis-server';
export * from './lib/shuffled';
export * from './lib/test-database';
export * from './lib/test-issuer';
