// A real orders service for component tests: the real AppModule on a fresh database and a NATS
// subject prefix of its own, listening on a free port. The environment outlives the app, so a
// test can stop the app and start a new one on the same database (a restart). It stands in for
// the neighbours by publishing their contract fixtures with the headers their relays would set,
// and collects everything orders publishes.
import { accountingContext } from '@brigade/contracts/accounting';
import { consumersContext } from '@brigade/contracts/consumers';
import { kitchenContext } from '@brigade/contracts/kitchen';
import { ordersContext } from '@brigade/contracts/orders';
import { restaurantsContext } from '@brigade/contracts/restaurants';
import { connectJetStreamConsumers, contextStreamName, deadLetterStreamName, durableName, ensureContextStream, Headers, Namespace, prefixed } from '@brigade/messaging';
import { createServiceApp } from '@brigade/service';
import { createTestDatabase, eventually, natsUrl, testNamespace } from '@brigade/testing';
import { jetstream, JetStreamClient, JetStreamManager, jetstreamManager } from '@nats-io/jetstream';
import { connect, headers as natsHeaders, MsgHdrs, NatsConnection } from '@nats-io/transport-node';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';

export interface PublishedMessage {
  readonly subject: string;
  readonly headers: MsgHdrs;
  readonly payload: Record<string, unknown>;
  readonly aggregateId: string | undefined;
}

export interface OrdersApp {
  readonly baseUrl: string;
  readonly dataSource: DataSource;
  close(): Promise<void>;
}

/** What a neighbour's relay would put in the headers; the event id is new unless given. */
export interface PublishOptions {
  readonly aggregateId: string;
  readonly eventId?: string;
  readonly streamVersion?: number;
  readonly correlationId?: string;
}

const NEIGHBOURS = [restaurantsContext, consumersContext, kitchenContext, accountingContext];

export class OrdersTestEnvironment {
  private readonly apps = new Set<OrdersApp>();

  private constructor(
    /** Everything published on the orders stream so far, in stream order. */
    readonly published: readonly PublishedMessage[],
    private readonly db: { url: string; drop(): Promise<void> },
    private readonly ns: Namespace,
    private readonly nc: NatsConnection,
    private readonly jsm: JetStreamManager,
    private readonly js: JetStreamClient,
    private readonly stopCollecting: () => Promise<void>,
  ) {}

  static async create(): Promise<OrdersTestEnvironment> {
    const db = await createTestDatabase('orders_component');
    const ns = testNamespace();
    const nc = await connect({ servers: natsUrl() });
    const jsm = await jetstreamManager(nc);
    // Neighbours' streams exist before the app's durables are created on them; the orders stream
    // exists before the relay publishes, so the collector sees every message.
    for (const context of NEIGHBOURS) await ensureContextStream(jsm, ns, context);
    const js = jetstream(nc);
    const messages = await (await js.consumers.get(await ensureContextStream(jsm, ns, ordersContext))).consume();
    const published: PublishedMessage[] = [];
    const collecting = (async () => {
      for await (const m of messages) {
        published.push({ subject: m.subject, headers: m.headers ?? natsHeaders(), payload: m.json(), aggregateId: m.headers?.get(Headers.AggregateId) });
      }
    })();
    return new OrdersTestEnvironment(published, db, ns, nc, jsm, js, async () => {
      await messages.close();
      await collecting;
    });
  }

  get subjectPrefix(): string {
    return this.ns.subjectPrefix;
  }

  /**
   * Starts the orders app on this environment's database (migrations run only the first time).
   * Every app a test file starts gets the config of its first (ServiceModule loads it once per
   * module registry): options only take effect on the file's first app.
   */
  async startApp(options: { approvalDeadlineMs?: number } = {}): Promise<OrdersApp> {
    const nest: NestExpressApplication = await withEnvironment(
      {
        DATABASE_URL: this.db.url,
        NATS_URL: natsUrl(),
        NATS_SUBJECT_PREFIX: this.ns.subjectPrefix,
        LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
        DB_POOL_SIZE: '5',
        ORDERS_APPROVAL_DEADLINE_MS: String(options.approvalDeadlineMs ?? 60_000),
      },
      () => createServiceApp({ name: 'orders', module: AppModule, connectMicroservices: (app) => void connectJetStreamConsumers(app) }),
    );
    await nest.listen(0, '127.0.0.1');
    const app: OrdersApp = {
      baseUrl: await nest.getUrl(),
      dataSource: nest.get(DataSource),
      close: async () => {
        this.apps.delete(app);
        await nest.close();
      },
    };
    this.apps.add(app);
    return app;
  }

  /** A query on the orders database while no app is running (e.g. between a stop and a restart). */
  async query(sql: string, parameters: unknown[] = []): Promise<any[]> { // eslint-disable-line @typescript-eslint/no-explicit-any -- rows as PostgreSQL returns them
    const client = new Client({ connectionString: this.db.url });
    await client.connect();
    try {
      return (await client.query(sql, parameters)).rows;
    } finally {
      await client.end();
    }
  }

  /** Publishes a neighbour's contract payload as its relay would: namespaced subject, event headers. */
  async publish(subject: string, payload: object, options: PublishOptions): Promise<string> {
    const eventId = options.eventId ?? randomUUID();
    const h = natsHeaders();
    // A fresh Nats-Msg-Id even for a repeated event id: JetStream's own dedup must not hide a
    // redelivery from the consumer's inbox, which is what the tests exercise.
    h.set(Headers.MsgId, randomUUID());
    h.set(Headers.EventId, eventId);
    h.set(Headers.AggregateId, options.aggregateId);
    if (options.streamVersion !== undefined) h.set(Headers.StreamVersion, String(options.streamVersion));
    if (options.correlationId !== undefined) h.set(Headers.CorrelationId, options.correlationId);
    await this.js.publish(prefixed(this.ns, subject), JSON.stringify(payload), { headers: h });
    return eventId;
  }

  /** Resolves once the app's durable `orders--<handler>` has acked everything on its stream. */
  async drained(context: string, handler: string): Promise<void> {
    await eventually(async () => {
      const stream = contextStreamName(this.ns, context);
      const info = await this.jsm.consumers.info(stream, durableName('orders', handler));
      const last = (await this.jsm.streams.info(stream)).state.last_seq;
      if (info.num_ack_pending > 0 || info.ack_floor.stream_seq < last) throw new Error(`${handler} still has messages in hand`);
    });
  }

  /** Messages orders published about one order (its stream id), subjects without the prefix. */
  publishedFor(orderId: string): PublishedMessage[] {
    return this.published
      .filter((m) => m.aggregateId === orderId)
      .map((m) => ({ ...m, subject: m.subject.slice(this.ns.subjectPrefix.length) }));
  }

  async close(): Promise<void> {
    for (const app of [...this.apps]) await app.close();
    await this.stopCollecting();
    for (const context of [...NEIGHBOURS, ordersContext]) {
      await this.jsm.streams.delete(contextStreamName(this.ns, context)).catch(() => undefined);
    }
    await this.jsm.streams.delete(deadLetterStreamName(this.ns, 'orders')).catch(() => undefined);
    await this.nc.close();
    await this.db.drop();
  }
}

/**
 * The app reads its config from process.env once, while it is created; the variables are put
 * back afterwards because the test helpers read DATABASE_URL as the server-wide admin URL.
 */
async function withEnvironment<T>(variables: Record<string, string>, work: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(variables).map((key) => [key, process.env[key]]));
  Object.assign(process.env, variables);
  try {
    return await work();
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}
