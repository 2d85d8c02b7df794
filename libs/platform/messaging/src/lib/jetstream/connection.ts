import { JetStreamClient, JetStreamManager, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { NatsConnection, connect } from '@nats-io/transport-node';
import { natsInboxPrefix } from '../security/nats-access';

/** A NATS user of the server's configuration (nats-access.ts): the app's name and its password. */
export interface NatsCredentials {
  readonly user: string;
  readonly password: string;
}

export interface NatsConnectOptions {
  /** e.g. 'nats://127.0.0.1:4222'; several for a cluster. */
  readonly servers: string | string[];
  /** Shown in the server's connection list (`<app>` or `<app>-relay`). */
  readonly name: string;
  /** Pause between reconnect attempts; jitter is added by the client. Default 1000 ms. */
  readonly reconnectTimeWaitMs?: number;
  /** None: an open server (development, tests). Given: the user's own inbox prefix too (natsInboxPrefix). */
  readonly credentials?: NatsCredentials;
  readonly logger?: { log(message: unknown): void; warn(message: unknown): void };
}

/**
 * Connects and never gives up: a broker restart or outage must not turn into a dead process,
 * so the client retries the first connect and every reconnect forever. Messages published
 * while disconnected are buffered by the client; callers that need a guarantee (the relay)
 * check their acks.
 *
 * `noAsyncTraces`: by default the client builds two errors with stack traces up front for every
 * request (each JetStream publish is one), only to show where a failed request was started. That
 * halves the client's CPU per publish (~110 → ~60 µs on the 2-core VM, docs/benchmarks.md);
 * our logs carry the error's message and the operation, not the client's call site.
 *
 * With credentials, replies come to `_INBOX.<user>.…`: the server lets each user subscribe to its own
 * inbox only, so no app can read another's replies or pull-consumer deliveries. Refused credentials
 * end the first connect with the server's "Authorization Violation".
 */
export async function connectNats(options: NatsConnectOptions): Promise<NatsConnection> {
  const nc = await connect({
    servers: options.servers,
    name: options.name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: options.reconnectTimeWaitMs ?? 1_000,
    reconnectJitter: 200,
    waitOnFirstConnect: true,
    pingInterval: 10_000,
    maxPingOut: 3,
    noAsyncTraces: true,
    ...(options.credentials ? { user: options.credentials.user, pass: options.credentials.password, inboxPrefix: natsInboxPrefix(options.credentials.user) } : {}),
  });
  if (options.logger) void logStatusChanges(nc, options.name, options.logger);
  return nc;
}

export interface JetStreamClients {
  readonly js: JetStreamClient;
  readonly jsm: JetStreamManager;
}

export async function jetStreamClients(nc: NatsConnection): Promise<JetStreamClients> {
  // checkAPI: false so that getting a manager never fails just because the server is restarting.
  return { js: jetstream(nc), jsm: await jetstreamManager(nc, { checkAPI: false }) };
}

async function logStatusChanges(nc: NatsConnection, name: string, logger: NonNullable<NatsConnectOptions['logger']>): Promise<void> {
  for await (const status of nc.status()) {
    if (status.type === 'disconnect') logger.warn({ msg: 'NATS disconnected', connection: name, server: status.server });
    if (status.type === 'reconnect') logger.log({ msg: 'NATS reconnected', connection: name, server: status.server });
  }
}
