// Access for every app: bearer JWTs verified against the issuer's cached key set (asymmetric
// algorithms only, issuer, audience, expiry), a declared policy on every route (refused without
// one), ownership checked on the route or by the use case, and the verified actor in event metadata.
export * from './lib/roles';
export * from './lib/auth-errors';
export * from './lib/auth.config';
export * from './lib/actor-of-claims';
export * from './lib/token-verifier';
export * from './lib/access-policy';
export * from './lib/access.decorator';
export * from './lib/access.guard';
export * from './lib/may-act';
export * from './lib/request-actor';
export * from './lib/route-policies';
