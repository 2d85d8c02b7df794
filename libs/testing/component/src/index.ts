// Component-test harness for the apps: boots a service's real AppModule on a fresh database and
// a NATS subject prefix of its own (neighbours' streams ensured first), collects what it publishes
// on its context stream, stands in for neighbours by publishing their contract fixtures with the
// headers a relay would set, answers HTTP calls, and closes everything it made (app, consumers,
// streams including the dead-letter one, NATS, database). Only apps' tests use it: platform libs'
// tests must not, or the project graph gets a cycle.
export * from './lib/component-environment';
export * from './lib/environment';
export * from './lib/http';
export * from './lib/access-answers';
export * from './lib/publish-fixture';
export * from './lib/published-messages';
export * from './lib/start-component-app';
// The whole platform as real processes (e2e journeys, crash tests, the saga benchmark), and what
// its apps stored, read from their databases.
export * from './lib/platform/app-process';
export * from './lib/platform/platform';
export * from './lib/platform/platform-nats';
export * from './lib/platform/journey-steps';
export * from './lib/platform/app-records';
