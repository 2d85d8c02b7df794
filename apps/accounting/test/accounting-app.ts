// A real accounting service for component tests: the real AppModule (HTTP, relay and JetStream
// consumers) on a fresh database and a NATS subject prefix of its own, listening on a free port;
// plus a publisher standing in for the consumers and orders contexts (messages shaped like the
// relay's) and a JetStream consumer collecting everything accounting publishes.
import { accountingContext } from '@brigade/contracts/accounting';
import { consumersContext } from '@brigade/contracts/consumers';
import { ordersContext } from '@brigade/contracts/orders';
import { EventStore } from '@brigade/event-store';
import { connectJetStreamConsumers, deadLetterStreamName, ensureContextStream, Headers, prefixed } from '@brigade/messaging';
import { createServiceApp } from '@brigade/service';
import { createTestDatabase, natsUrl, testNamespace } from '@brigade/testing';
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

/** A neighbour's event as its relay would publish it; `eventId` defaults to a fresh one. */
export interface NeighbourEvent {
  readonly subject: string;
  readonly payload: object;
  readonly aggregateId: string;
  readonly eventId?: string;
}

export interface AccountingApp {
  readonly baseUrl: string;
  readonly subjectPrefix: string;
  readonly dataSource: DataSource;
  /** Everything published on the accounting stream so far, in stream order. */
  readonly published: PublishedMessage[];
  /** Publishes on the producing context's stream (namespaced); answers the event id. */
  publish(event: NeighbourEvent): Promise<string>;
  /** Rows in es_events: bad input must never change it. */
  storedEventCount(): Promise<number>;
  /** The types of the events stored on one account's stream (its consumerId), in order. */
  storedEventTypes(consumerId: string): Promise<string[]>;
  close(): Promise<void>;
}

export async function startAccountingApp(): Promise<AccountingApp> {
  const db = await createTestDatabase('accounting_component');
  const ns = testNamespace();

  const nc = await connect({ servers: natsUrl() });
  const jsm = await jetstreamManager(nc);
  const js = jetstream(nc);
  // The neighbours' streams exist before the app's durables are created, as they would in production.
  const neighbourStreams = [await ensureContextStream(jsm, ns, consumersContext), await ensureContextStream(jsm, ns, ordersContext)];
  const stream = await ensureContextStream(jsm, ns, accountingContext);
  const messages = await (await js.consumers.get(stream)).consume();
  const published: PublishedMessage[] = [];
  const collecting = (async () => {
    for await (const m of messages) {
      published.push({ subject: m.subject, headers: m.headers ?? noHeaders(), payload: m.json(), aggregateId: m.headers?.get(Headers.AggregateId) });
    }
  })();

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
          name: 'accounting',
          module: AppModule,
          connectMicroservices: (nest) => {
            connectJetStreamConsumers(nest);
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
    baseUrl: await app.getUrl(),
    subjectPrefix: ns.subjectPrefix,
    dataSource,
    published,
    publish: async ({ subject, payload, aggregateId, eventId = randomUUID() }) => {
      const h = headers();
      h.set(Headers.EventId, eventId);
      h.set(Headers.AggregateId, aggregateId);
      h.set(Headers.CorrelationId, eventId);
      h.set(Headers.Actor, JSON.stringify({ id: 'tester', role: 'admin' }));
      h.set(Headers.OccurredAt, new Date().toISOString());
      // A fresh msgID on every call, so publishing one event twice reaches the consumer twice (a
      // redelivery the duplicate window cannot catch): only the inbox and the decider stop it.
      await js.publish(prefixed(ns, subject), JSON.stringify(payload), { msgID: randomUUID(), headers: h });
      return eventId;
    },
    storedEventCount: async () => (await dataSource.query('SELECT count(*)::int AS n FROM es_events'))[0].n,
    storedEventTypes: async (consumerId) => (await new EventStore(dataSource).readStream(consumerId)).map((e) => e.type),
    close: async () => {
      await app.close();
      await messages.close();
      await collecting;
      for (const name of [stream, ...neighbourStreams]) await jsm.streams.delete(name).catch(() => undefined);
      await jsm.streams.delete(deadLetterStreamName(ns, 'accounting')).catch(() => undefined);
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
export async function call(app: AccountingApp, method: string, path: string, body?: unknown): Promise<HttpAnswer> {
  const response = await fetch(`${app.baseUrl}${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', body: text ? JSON.parse(text) : undefined };
}
