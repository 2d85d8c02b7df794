// A real restaurants service for component tests: the real AppModule on a fresh database and a
// NATS subject prefix of its own, listening on a free port, plus a JetStream consumer that
// collects everything the service publishes.
import { restaurantsContext } from '@brigade/contracts/restaurants';
import { contextStreamName, ensureContextStream, Headers } from '@brigade/messaging';
import { createServiceApp } from '@brigade/service';
import { createTestDatabase, natsUrl, testNamespace } from '@brigade/testing';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, headers as noHeaders, MsgHdrs } from '@nats-io/transport-node';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';

export interface PublishedMessage {
  readonly subject: string;
  readonly headers: MsgHdrs;
  readonly payload: Record<string, unknown>;
  readonly aggregateId: string | undefined;
}

export interface RestaurantsApp {
  readonly baseUrl: string;
  readonly subjectPrefix: string;
  readonly dataSource: DataSource;
  /** Everything published on the context's stream so far, in stream order. */
  readonly published: PublishedMessage[];
  /** Rows in es_events: bad input must never change it. */
  storedEventCount(): Promise<number>;
  close(): Promise<void>;
}

export async function startRestaurantsApp(): Promise<RestaurantsApp> {
  const db = await createTestDatabase('restaurants_component');
  const ns = testNamespace();

  const nc = await connect({ servers: natsUrl() });
  const jsm = await jetstreamManager(nc);
  // The relay creates the stream as well (same config); creating it first lets the test subscribe before any publish.
  const stream = await ensureContextStream(jsm, ns, restaurantsContext);
  const consumer = await jetstream(nc).consumers.get(stream);
  const messages = await consumer.consume();
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
      () => createServiceApp({ name: 'restaurants', module: AppModule }),
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
    storedEventCount: async () => (await dataSource.query('SELECT count(*)::int AS n FROM es_events'))[0].n,
    close: async () => {
      await app.close();
      await messages.close();
      await collecting;
      await jsm.streams.delete(contextStreamName(ns, restaurantsContext)).catch(() => undefined);
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
  readonly headers: globalThis.Headers;
  readonly body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- whatever JSON the service answered
}

/** One request; `body` may be a string to send it verbatim (e.g. malformed JSON). */
export async function call(
  app: RestaurantsApp,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<HttpAnswer> {
  const response = await fetch(`${app.baseUrl}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    headers: response.headers,
    body: text ? JSON.parse(text) : undefined,
  };
}
