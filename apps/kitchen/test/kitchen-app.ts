// A real kitchen service for component tests: the real AppModule (HTTP, relay and JetStream
// consumers) on a fresh database and a NATS subject prefix of its own, plus what a test needs
// to stand in for its neighbours: publishing their contract fixtures the way their relays do,
// and collecting everything the kitchen publishes.
import { Contract } from '@brigade/contracts/core';
import { kitchenContext } from '@brigade/contracts/kitchen';
import { ordersContext } from '@brigade/contracts/orders';
import { restaurantsContext } from '@brigade/contracts/restaurants';
import {
  connectJetStreamConsumers,
  ConsumerOutcomeReport,
  contextStreamName,
  deadLetterStreamName,
  ensureContextStream,
  Headers,
  JetStreamServer,
  prefixed,
} from '@brigade/messaging';
import { createServiceApp } from '@brigade/service';
import { createTestDatabase, eventually, natsUrl, testNamespace } from '@brigade/testing';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, headers, headers as noHeaders, MsgHdrs } from '@nats-io/transport-node';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';

export interface PublishedMessage {
  readonly subject: string;
  readonly headers: MsgHdrs;
  readonly payload: Record<string, unknown>;
  readonly aggregateId: string | undefined;
}

export interface NeighbourEvent {
  /** Brigade-Aggregate-Id: the producer's stream id (restaurantId, orderId). */
  readonly aggregateId: string;
  /** Brigade-Stream-Version. */
  readonly version?: number;
  /** Brigade-Event-Id; a fresh one by default. */
  readonly eventId?: string;
  /** Nats-Msg-Id; the event id by default (a different one slips past JetStream's duplicate window, as a re-publish may). */
  readonly msgId?: string;
}

export interface KitchenApp {
  readonly baseUrl: string;
  readonly subjectPrefix: string;
  readonly dataSource: DataSource;
  /** Everything published on the KITCHEN stream so far, in stream order. */
  readonly published: PublishedMessage[];
  /** Every outcome the kitchen's consumers reported (processed, duplicate, rejected...). */
  readonly outcomes: ConsumerOutcomeReport[];
  /** Publishes a neighbour's contract payload (validated first) with the headers its relay would set; answers the event id. */
  publish<T>(contract: Contract<T>, payload: T, event: NeighbourEvent): Promise<string>;
  /** The messages published for `orderId`, once `count` of them have arrived. */
  publishedFor(orderId: string, count: number): Promise<PublishedMessage[]>;
  /** Resolves when a consumer has finished with this event (any outcome). */
  consumed(eventId: string): Promise<ConsumerOutcomeReport>;
  /** Rows in es_events: bad input must never change it. */
  storedEventCount(): Promise<number>;
  close(): Promise<void>;
}

export async function startKitchenApp(): Promise<KitchenApp> {
  const db = await createTestDatabase('kitchen_component');
  const ns = testNamespace();

  const nc = await connect({ servers: natsUrl() });
  const jsm = await jetstreamManager(nc);
  const js = jetstream(nc);
  for (const context of [restaurantsContext, ordersContext]) await ensureContextStream(jsm, ns, context);
  const stream = await ensureContextStream(jsm, ns, kitchenContext);
  const messages = await (await js.consumers.get(stream)).consume();
  const published: PublishedMessage[] = [];
  const collecting = (async () => {
    for await (const m of messages) {
      published.push({ subject: m.subject, headers: m.headers ?? noHeaders(), payload: m.json(), aggregateId: m.headers?.get(Headers.AggregateId) });
    }
  })();

  const outcomes: ConsumerOutcomeReport[] = [];
  let app: NestExpressApplication;
  try {
    app = await withEnvironment(
      {
        DATABASE_URL: db.url,
        NATS_URL: natsUrl(),
        NATS_SUBJECT_PREFIX: ns.subjectPrefix,
        LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
        DB_POOL_SIZE: '5',
      },
      () =>
        createServiceApp({
          name: 'kitchen',
          module: AppModule,
          connectMicroservices: (created) => {
            connectJetStreamConsumers(created);
            created.get(JetStreamServer).on('outcome', (report) => outcomes.push(report));
          },
        }),
    );
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    await messages.close();
    await nc.close();
    await db.drop();
    throw error;
  }
  const dataSource = app.get(DataSource);

  return {
    baseUrl: (await app.getUrl()).replace('[::1]', '127.0.0.1'),
    subjectPrefix: ns.subjectPrefix,
    dataSource,
    published,
    outcomes,
    async publish(contract, payload, event) {
      const eventId = event.eventId ?? randomUUID();
      const h = headers();
      h.set(Headers.EventId, eventId);
      h.set(Headers.AggregateId, event.aggregateId);
      if (event.version !== undefined) h.set(Headers.StreamVersion, String(event.version));
      h.set(Headers.CorrelationId, `corr-${event.aggregateId}`);
      h.set(Headers.Actor, JSON.stringify({ id: 'tester', role: 'admin' }));
      h.set(Headers.OccurredAt, new Date().toISOString());
      await js.publish(prefixed(ns, contract.subject), JSON.stringify(contract.parse(payload)), { msgID: event.msgId ?? eventId, headers: h });
      return eventId;
    },
    publishedFor(orderId, count) {
      return eventually(() => {
        const own = published.filter((m) => m.aggregateId === orderId);
        if (own.length < count) throw new Error(`${own.length} of ${count} messages published for ${orderId}`);
        return own;
      });
    },
    consumed(eventId) {
      return eventually(() => {
        const report = outcomes.find((o) => o.eventId === eventId);
        if (!report) throw new Error(`event ${eventId} not consumed yet`);
        return report;
      });
    },
    storedEventCount: async () => (await dataSource.query('SELECT count(*)::int AS n FROM es_events'))[0].n,
    close: async () => {
      await app.close();
      await messages.close();
      await collecting;
      for (const name of [stream, contextStreamName(ns, restaurantsContext), contextStreamName(ns, ordersContext), deadLetterStreamName(ns, 'kitchen')]) {
        await jsm.streams.delete(name).catch(() => undefined);
      }
      await nc.close();
      await db.drop();
    },
  };
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

export interface HttpAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- whatever JSON the service answered
}

/** One request; `body` may be a string to send it verbatim (e.g. malformed JSON). */
export async function call(app: KitchenApp, method: string, path: string, body?: unknown): Promise<HttpAnswer> {
  const response = await fetch(`${app.baseUrl}${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', body: text ? JSON.parse(text) : undefined };
}
