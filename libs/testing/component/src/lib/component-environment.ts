import { connectJetStreamConsumers, contextStreamName, deadLetterStreamName, ensureContextStream, Namespace } from '@brigade/messaging';
import { createServiceApp } from '@brigade/service';
import { createTestDatabase, natsUrl, TestIssuer, testNamespace } from '@brigade/testing';
import { jetstream, JetStreamClient, JetStreamManager, jetstreamManager } from '@nats-io/jetstream';
import { connect, NatsConnection } from '@nats-io/transport-node';
import type { Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { withEnvironment } from './environment';
import { FixtureEvent, publishFixture } from './publish-fixture';
import { collectPublished, PublishedMessage, PublishedMessages } from './published-messages';

export interface ComponentEnvironmentOptions {
  /** The app's name: its durables' prefix, its dead-letter stream, its database's label. */
  readonly app: string;
  /** The context whose stream the app publishes on. */
  readonly context: string;
  /** Contexts whose events the app consumes: their streams exist before the app's durables. */
  readonly neighbours?: readonly string[];
}

export interface ComponentAppOptions {
  /** The app's root module. */
  readonly module: Type<unknown>;
  /** Config on top of the database, NATS, namespace and log level the environment sets. */
  readonly env?: Record<string, string>;
  /** Attaches the app's JetStream consumers (those its @EventPattern handlers declare). */
  readonly consumers?: boolean;
  /** Runs after the consumers are attached (e.g. to listen to their outcomes). */
  readonly connectMicroservices?: (app: NestFastifyApplication) => void;
}

/**
 * What outlives one app: the database, the namespace, the streams and the collector. A test may
 * stop an app and start another on the same database (a restart).
 */
export class ComponentEnvironment {
  private readonly apps = new Set<NestFastifyApplication>();

  private constructor(
    private readonly options: ComponentEnvironmentOptions,
    private readonly db: { url: string; drop(): Promise<void> },
    readonly namespace: Namespace,
    private readonly nc: NatsConnection,
    readonly jsm: JetStreamManager,
    readonly js: JetStreamClient,
    private readonly collector: PublishedMessages,
    /** Signs the tokens the app trusts (AUTH_JWKS): `issuer.bearer({ role: 'consumer', consumerId })`. */
    readonly issuer: TestIssuer,
  ) {}

  static async create(options: ComponentEnvironmentOptions): Promise<ComponentEnvironment> {
    const db = await createTestDatabase(`${options.app}_component`);
    const ns = testNamespace();
    const nc = await connect({ servers: natsUrl() });
    const jsm = await jetstreamManager(nc);
    const js = jetstream(nc);
    // Neighbours' streams exist before the app's durables are created on them, as in production;
    // the app's own stream exists before its relay publishes, so the collector sees every message.
    for (const context of options.neighbours ?? []) await ensureContextStream(jsm, ns, context);
    const collector = await collectPublished(js, await ensureContextStream(jsm, ns, options.context));
    return new ComponentEnvironment(options, db, ns, nc, jsm, js, collector, await TestIssuer.create());
  }

  get subjectPrefix(): string {
    return this.namespace.subjectPrefix;
  }

  get databaseUrl(): string {
    return this.db.url;
  }

  /** Everything published on the app's context stream so far, in stream order. */
  get published(): PublishedMessage[] {
    return this.collector.messages;
  }

  streamName(context: string): string {
    return contextStreamName(this.namespace, context);
  }

  /** Starts the app on this environment's database, listening on a free port; close() stops it. */
  async startApp(options: ComponentAppOptions): Promise<NestFastifyApplication> {
    const app = await withEnvironment(
      {
        DATABASE_URL: this.db.url,
        NATS_URL: natsUrl(),
        NATS_SUBJECT_PREFIX: this.namespace.subjectPrefix,
        LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
        DB_POOL_SIZE: '5',
        ...this.issuer.env(),
        ...options.env,
      },
      () =>
        createServiceApp({
          name: this.options.app,
          module: options.module,
          connectMicroservices: (created) => {
            if (options.consumers) connectJetStreamConsumers(created);
            options.connectMicroservices?.(created);
          },
        }),
    );
    this.apps.add(app);
    await app.listen(0, '127.0.0.1');
    return app;
  }

  /** Closes one app this environment started; the environment stays up. */
  async stopApp(app: NestFastifyApplication): Promise<void> {
    if (!this.apps.delete(app)) return;
    await app.close();
  }

  /** Publishes a neighbour's event as its relay would; answers the event id. */
  publish(event: FixtureEvent): Promise<string> {
    return publishFixture(this.js, this.namespace, event);
  }

  async close(): Promise<void> {
    for (const app of [...this.apps]) await this.stopApp(app);
    await this.collector.stop();
    const streams = [this.options.context, ...(this.options.neighbours ?? [])].map((context) => this.streamName(context));
    for (const name of [...streams, deadLetterStreamName(this.namespace, this.options.app)]) {
      await this.jsm.streams.delete(name).catch(() => undefined);
    }
    await this.nc.close();
    await this.db.drop();
  }
}
