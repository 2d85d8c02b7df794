import type { NatsConnection } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import type { NatsCredentials } from '../jetstream/connection';
import { Namespace, defaultNamespace } from '../jetstream/naming';

export interface RetryPolicy {
  /** Attempts in process before the message is parked. */
  readonly attempts: number;
  /** Exponential backoff between attempts: initial, doubled each time up to max (with jitter). */
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
}

export interface JetStreamConsumerOptions {
  /** The consuming app (kebab-case): durables are `<app>--<handler>`, its DLQ `<PREFIX>DLQ_<APP>`. */
  readonly app: string;
  readonly namespace?: Namespace;
  readonly retry?: Partial<RetryPolicy>;
  /** Transactions a durable runs at the same time. Default 4. */
  readonly concurrency?: number;
  /**
   * Messages (of different aggregates) one transaction may process together when they arrive
   * faster than the transactions finish. Default 32; 1 processes every message on its own.
   */
  readonly maxBatch?: number;
  /** Messages delivered and not yet acked, per durable (JetStream enforces it). Default 256. */
  readonly maxAckPending?: number;
  /** Redelivery timer; the transport sends `working()` while it holds a message. Default 30 s. */
  readonly ackWaitMs?: number;
  /**
   * How long a processed message's ack may wait for others to leave with it in one socket write
   * (AckBuffer). Default 50 ms; 0 acks each message at once. At most a tenth of ackWaitMs.
   */
  readonly ackDelayMs?: number;
}

export interface JetStreamServerOptions extends JetStreamConsumerOptions {
  /** The context's own database: inbox rows and handler effects commit here together. */
  readonly dataSource: DataSource;
  /** The app's shared connection (NatsModule's NATS_CONNECTION); left open by close(). */
  readonly connection?: NatsConnection;
  /** Without `connection`: servers to open a connection of its own (closed by close()). */
  readonly servers?: string | string[];
  /** With `servers`: the app's NATS user. */
  readonly credentials?: NatsCredentials;
}

export interface ConsumerSettings {
  readonly namespace: Namespace;
  readonly retry: RetryPolicy;
  readonly concurrency: number;
  readonly maxBatch: number;
  readonly maxAckPending: number;
  readonly ackWaitMs: number;
  readonly ackDelayMs: number;
}

export function consumerSettings(options: JetStreamConsumerOptions): ConsumerSettings {
  const settings: ConsumerSettings = {
    namespace: options.namespace ?? defaultNamespace,
    retry: { attempts: 5, initialDelayMs: 100, maxDelayMs: 5_000, ...options.retry },
    concurrency: options.concurrency ?? 4,
    maxBatch: options.maxBatch ?? 32,
    maxAckPending: options.maxAckPending ?? 256,
    ackWaitMs: options.ackWaitMs ?? 30_000,
    ackDelayMs: options.ackDelayMs ?? 50,
  };
  const positive = { attempts: settings.retry.attempts, concurrency: settings.concurrency, maxBatch: settings.maxBatch, maxAckPending: settings.maxAckPending };
  for (const [name, value] of Object.entries(positive)) {
    if (!Number.isInteger(value) || value < 1) throw new Error(`JetStream consumer option ${name} must be a positive integer, got ${value}`);
  }
  if (settings.ackWaitMs < 1_000) throw new Error(`JetStream consumer option ackWaitMs must be at least 1000, got ${settings.ackWaitMs}`);
  if (!Number.isInteger(settings.ackDelayMs) || settings.ackDelayMs < 0 || settings.ackDelayMs > settings.ackWaitMs / 10) {
    throw new Error(`JetStream consumer option ackDelayMs must be an integer from 0 to ackWaitMs / 10, got ${settings.ackDelayMs}`);
  }
  return settings;
}
