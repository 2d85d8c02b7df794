/** Injection token of the app's one shared NatsConnection (provided by NatsModule). */
export const NATS_CONNECTION = Symbol('NATS_CONNECTION');
