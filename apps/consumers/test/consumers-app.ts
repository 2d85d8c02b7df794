// A real consumers service for component tests: the real AppModule (HTTP, relay and the
// order-validation consumer) on a fresh database and a NATS subject prefix of its own, listening
// on a free port, plus a JetStream consumer that collects everything the service publishes and
// a publisher that stands in for the orders context.
import { consumersContext } from '@brigade/contracts/consumers';
import { OrderCreatedV1, orderCreatedV1Subject, ordersContext } from '@brigade/contracts/orders';
import {
  connectJetStreamConsumers,
  deadLetterStreamName,
  ensureContextStream,
  Headers,
  prefixed,
} from '@brigade/messaging';
import { createServiceApp } from '@brigade/service';
import { createTestDatabase, natsUrl, testNamespace } from '@brigade/testing';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, headers as natsHeaders, MsgHdrs } from '@nats-io/transport-node';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';

export const APP = 'consumers';
/** The durable that reads orders.order.created.v1: `<app>--<handler>`. */
export const ORDER_VALIDATION_DURABLE = `${APP}--order-validation`;

export interface PublishedMessage {
  readonly subject: string;
  readonly headers: MsgHdrs;
  readonly payload: Record<string, unknown>;
  readonly aggregateId: string | undefined;
}

export interface OrderCreatedMessage {
  /** Brigade-Event-Id; a fresh one unless the test replays an event. */
  readonly eventId?: string;
  /** Nats-Msg-Id; the event id unless the test re-publishes a copy past JetStream's duplicate check. */
  readonly msgId?: string;
}

export interface ConsumersApp {
  readonly baseUrl: string;
  readonly subjectPrefix: string;
  readonly dataSource: DataSource;
  /** Everything published on the context's stream so far, in stream order. */
  readonly published: PublishedMessage[];
  /** Publishes an orders.order.created.v1 as the orders relay would; resolves with its event id. */
  publishOrderCreated(order: OrderCreatedV1, message?: OrderCreatedMessage): Promise<string>;
  /** Resolves once the order-validation durable has acked everything on the orders stream. */
  orderEventsDrained(): Promise<void>;
  /** Messages stored on the orders stream (to see a re-published copy was not dropped as a duplicate). */
  orderMessageCount(): Promise<number>;
  /** Rows in es_events: bad input must never change it. */
  storedEventCount(): Promise<number>;
  close(): Promise<void>;
}

export async function startConsumersApp(): Promise<ConsumersApp> {
  const db = await createTestDatabase('consumers_component');
  const ns = testNamespace();

  const nc = await connect({ servers: natsUrl() });
  const jsm = await jetstreamManager(nc);
  const js = jetstream(nc);
  // The relay creates its stream as well (same config); creating it first lets the test subscribe before any publish.
  const stream = await ensureContextStream(jsm, ns, consumersContext);
  const ordersStream = await ensureContextStream(jsm, ns, ordersContext);
  const messages = await (await js.consumers.get(stream)).consume();
  const published: PublishedMessage[] = [];
  const collecting = (async () => {
    for await (const m of messages) {
      published.push({ subject: m.subject, headers: m.headers ?? natsHeaders(), payload: m.json(), aggregateId: m.headers?.get(Headers.AggregateId) });
    }
  })();
  const deleteStreams = async () => {
    for (const name of [stream, ordersStream, deadLetterStreamName(ns, APP)]) await jsm.streams.delete(name).catch(() => undefined);
  };

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
          name: APP,
          module: AppModule,
          connectMicroservices: (nest) => {
            connectJetStreamConsumers(nest);
          },
        }),
    );
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    await messages.close();
    await deleteStreams();
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
    publishOrderCreated: async (order, message = {}) => {
      const eventId = message.eventId ?? randomUUID();
      const h = natsHeaders();
      h.set(Headers.EventId, eventId);
      h.set(Headers.EventType, 'OrderCreated');
      h.set(Headers.AggregateId, order.orderId);
      h.set(Headers.StreamVersion, '1');
      h.set(Headers.CorrelationId, `corr-${order.orderId}`);
      h.set(Headers.Actor, JSON.stringify({ id: order.consumerId, role: 'consumer' }));
      h.set(Headers.OccurredAt, new Date().toISOString());
      await js.publish(prefixed(ns, orderCreatedV1Subject), JSON.stringify(order), { msgID: message.msgId ?? eventId, headers: h });
      return eventId;
    },
    orderEventsDrained: async () => {
      const info = await jsm.consumers.info(ordersStream, ORDER_VALIDATION_DURABLE);
      if (info.num_pending > 0 || info.num_ack_pending > 0) {
        throw new Error(`${ORDER_VALIDATION_DURABLE}: ${info.num_pending} pending, ${info.num_ack_pending} unacked`);
      }
    },
    orderMessageCount: async () => (await jsm.streams.info(ordersStream)).state.messages,
    storedEventCount: async () => (await dataSource.query('SELECT count(*)::int AS n FROM es_events'))[0].n,
    close: async () => {
      await app.close();
      await messages.close();
      await collecting;
      await deleteStreams();
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
  app: ConsumersApp,
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
