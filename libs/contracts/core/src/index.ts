// Integration-event contracts: each is a subject, a runtime schema and an example fixture.
// Contexts compile against each other's contracts only, never against each other's code.
export * from './lib/contract';
