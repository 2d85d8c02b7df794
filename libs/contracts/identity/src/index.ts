// The identity context's integration events. `user.registered` tells others a user exists, with
// its role and the consumer, restaurant or courier it acts for: consumers registers the Consumer
// of every consumer user from it. Never a password or a hash. Payloads are JSON on `identity.user.*`.
export * from './lib/identity-fields';
export * from './lib/user-registered.v1';
export * from './lib/identity-contracts';
