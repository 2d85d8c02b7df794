import { randomUUID } from 'node:crypto';
import { TestDatabase, createTestDatabase, natsUrl, testNamespace } from '@brigade/testing';
import { INestApplication, Module, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JetStreamClient, JetStreamManager, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { NatsConnection, connect, headers } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import {
  ConsumerOutcomeReport,
  Headers,
  JetStreamConsumerOptions,
  JetStreamServer,
  MessagingConsumerModule,
  Namespace,
  NatsModule,
  connectJetStreamConsumers,
  contextStreamName,
  deadLetterStreamName,
  ensureContextStream,
  inboxMigrations,
  prefixed,
} from '../../../src';
import { EffectPayload, RecordingConsumer, SCRIPT, Script } from './recording.consumer';
import { CreateTestEffects1700000009000 } from './test-effects.migration';

export const APP = 'recorder';

/** One test file's database plus a publisher; each test takes a namespace (own streams) of its own. */
export class ConsumerHarness {
  private constructor(
    readonly natsUrl: string,
    readonly database: TestDatabase,
    readonly db: DataSource,
    private readonly nc: NatsConnection,
    readonly js: JetStreamClient,
    readonly jsm: JetStreamManager,
  ) {}

  private readonly namespaces: Namespace[] = [];

  /** `options.natsUrl`: a NATS server of the test's own (for outages); the shared one by default. */
  static async open(label: string, options: { natsUrl?: string } = {}): Promise<ConsumerHarness> {
    const url = options.natsUrl ?? natsUrl();
    const database = await createTestDatabase(label);
    const db = new DataSource({ type: 'postgres', url: database.url, migrations: [...inboxMigrations, CreateTestEffects1700000009000], extra: { max: 2 } });
    await db.initialize();
    await db.runMigrations();
    const nc = await connect({ servers: url, maxReconnectAttempts: -1, reconnectTimeWait: 200 });
    return new ConsumerHarness(url, database, db, nc, jetstream(nc), await jetstreamManager(nc));
  }

  /** A fresh namespace with the producing context's stream created. */
  async namespace(): Promise<Namespace> {
    const ns = testNamespace();
    this.namespaces.push(ns);
    await ensureContextStream(this.jsm, ns, 'restaurants');
    return ns;
  }

  async publish(ns: Namespace, event: TestEvent): Promise<number> {
    const h = headers();
    h.set(Headers.EventId, event.eventId);
    h.set(Headers.AggregateId, event.aggregateId);
    h.set(Headers.StreamVersion, String(event.n));
    h.set(Headers.CorrelationId, event.correlationId ?? event.eventId);
    h.set(Headers.Actor, JSON.stringify({ id: 'tester', role: 'admin' }));
    h.set(Headers.OccurredAt, '2030-01-01T12:00:00.000Z');
    const payload: EffectPayload = { ...event.payload, n: event.n };
    const ack = await this.js.publish(prefixed(ns, event.subject), JSON.stringify(payload), { msgID: event.msgId ?? event.eventId, headers: h });
    return ack.seq;
  }

  async effects(where = 'true', params: unknown[] = []): Promise<Effect[]> {
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `SELECT event_id, aggregate_id, n, attempt, replay, started_ms, finished_ms FROM test_effects WHERE ${where} ORDER BY id`,
      params,
    );
    return rows.map((r) => ({
      eventId: String(r.event_id),
      aggregateId: String(r.aggregate_id),
      n: Number(r.n),
      attempt: Number(r.attempt),
      replay: Boolean(r.replay),
      startedMs: Number(r.started_ms),
      finishedMs: Number(r.finished_ms),
    }));
  }

  /** The effects of these events' aggregates only (the database is shared by a file's tests). */
  async effectsOf(events: readonly TestEvent[]): Promise<Effect[]> {
    return this.effects('aggregate_id = ANY($1)', [[...new Set(events.map((e) => e.aggregateId))]]);
  }

  async inboxOutcome(eventId: string): Promise<string | null> {
    const rows: Array<{ outcome: string }> = await this.db.query(`SELECT outcome FROM msg_inbox WHERE event_id = $1`, [eventId]);
    return rows[0]?.outcome ?? null;
  }

  async consumerInfo(ns: Namespace): Promise<{ ackPending: number; pending: number }> {
    const info = await this.jsm.consumers.info(contextStreamName(ns, 'restaurants'), `${APP}--record`);
    return { ackPending: info.num_ack_pending, pending: info.num_pending };
  }

  async close(): Promise<void> {
    for (const ns of this.namespaces) {
      for (const stream of [contextStreamName(ns, 'restaurants'), deadLetterStreamName(ns, APP)]) {
        await this.jsm.streams.delete(stream).catch(() => undefined);
      }
    }
    await this.nc.close();
    await this.db.destroy();
    await this.database.drop();
  }
}

export interface TestEvent {
  readonly subject: string;
  readonly eventId: string;
  readonly aggregateId: string;
  /** Position of the event in its aggregate (1-based); also the body. */
  readonly n: number;
  readonly msgId?: string;
  readonly correlationId?: string;
  /** More fields of the published payload (beside `n`). */
  readonly payload?: Record<string, unknown>;
}

export interface Effect {
  readonly eventId: string;
  readonly aggregateId: string;
  readonly n: number;
  readonly attempt: number;
  readonly replay: boolean;
  readonly startedMs: number;
  readonly finishedMs: number;
}

/**
 * `count` events for each of `aggregates`, interleaved the way a busy stream looks: round-robin
 * over the aggregates, `burst` consecutive events of one aggregate at a time.
 */
export function interleavedEvents(subject: string, aggregates: number, count: number, burst = 1): TestEvent[] {
  const ids = Array.from({ length: aggregates }, () => randomUUID());
  const events: TestEvent[] = [];
  for (let first = 1; first <= count; first += burst) {
    for (const aggregateId of ids) {
      for (let n = first; n < first + burst && n <= count; n++) events.push({ subject, eventId: randomUUID(), aggregateId, n });
    }
  }
  return events;
}

export interface RecorderApp {
  readonly app: INestApplication;
  readonly server: JetStreamServer;
  readonly url: string;
  /** Every outcome the transport reported, in order. */
  readonly outcomes: ConsumerOutcomeReport[];
  close(): Promise<void>;
}

/** Boots the recording consumer (and `moreControllers`) as a hybrid Nest app (HTTP for the dead-letter admin). */
export async function startRecorder(
  harness: ConsumerHarness,
  ns: Namespace,
  script: Script,
  options: Partial<Omit<JetStreamConsumerOptions, 'app' | 'namespace'>> = {},
  moreControllers: Type<unknown>[] = [],
): Promise<RecorderApp> {
  @Module({
    imports: [
      TypeOrmModule.forRoot({ type: 'postgres', url: harness.database.url, extra: { max: 6 } }),
      NatsModule.forRoot({ servers: harness.natsUrl, name: APP, reconnectTimeWaitMs: 200 }),
      MessagingConsumerModule.forRoot({ app: APP, namespace: ns, retry: { attempts: 3, initialDelayMs: 20, maxDelayMs: 200 }, ...options }),
    ],
    controllers: [RecordingConsumer, ...moreControllers],
    providers: [{ provide: SCRIPT, useValue: script }],
  })
  class RecorderModule {}

  const app = await NestFactory.create(RecorderModule, new FastifyAdapter(), { logger: process.env.TEST_LOGS ? ['log', 'warn', 'error'] : false });
  connectJetStreamConsumers(app);
  const server = app.get(JetStreamServer);
  const outcomes: ConsumerOutcomeReport[] = [];
  server.on('outcome', (report) => outcomes.push(report));
  await app.init();
  await app.startAllMicroservices();
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return { app, server, url, outcomes, close: () => app.close() };
}
