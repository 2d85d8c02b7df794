import { Logger, OnModuleDestroy } from '@nestjs/common';
import { CustomTransportStrategy, MessageHandler, Server } from '@nestjs/microservices';
import type { NatsConnection } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import { ensureDeadLetterStream } from '../dead-letter/dead-letter-queue';
import { assertDeclaredDurables } from '../security/declared-durables';
import { JetStreamClients, connectNats, jetStreamClients } from '../jetstream/connection';
import { ConsumerSettings, JetStreamServerOptions, consumerSettings } from './consumer-options';
import { ensureProducerStream } from './durable-consumer';
import { ConsumerOutcomeReport, DurableWorker } from './durable-worker';
import { HandlerGroup, RegisteredHandler, groupHandlers } from './handler-groups';
import { AckBuffer } from './ack-buffer';
import { LaneScheduler, isLane } from './lanes';
import { LANE_GROUP_BATCHES, LanedMessage, settleLaneGroup } from './lane-group';

export type JetStreamServerEvents = {
  /** Once per message the consumer is done with: processed, duplicate, skipped, rejected or parked. */
  outcome: (report: ConsumerOutcomeReport) => void;
};

export type JetStreamServerStatus = 'connected' | 'disconnected';

interface Connection extends JetStreamClients {
  readonly nc: NatsConnection;
}

/**
 * Nest transport for consuming integration events from JetStream. Consumers are plain
 * `@EventPattern('<context>.<aggregate>.<event>.v<N>', { handler: '<name>' })` methods; the
 * methods sharing a `handler` name form one durable pull consumer `<app>--<handler>` on the
 * producing context's stream. Per message: inbox row + handler effects in one transaction, then
 * ack (at-least-once delivery, effectively-once effects); per-aggregate order with parallelism
 * across aggregates; retries with backoff, then the message is parked on `<prefix>dlq.<app>.<handler>`.
 *
 * Wiring (see connectJetStreamConsumers): MessagingConsumerModule provides the instance,
 * main.ts connects it as a hybrid microservice. One running instance per app (per durable).
 */
export class JetStreamServer
  extends Server<JetStreamServerEvents, JetStreamServerStatus>
  implements CustomTransportStrategy, OnModuleDestroy
{
  readonly settings: ConsumerSettings;
  protected override readonly logger = new Logger(JetStreamServer.name);
  private readonly registered: RegisteredHandler[] = [];
  /** Shared by the app's durables: a lane spans durables, and so may its groups' transactions. */
  private readonly lanes: LaneScheduler<LanedMessage>;
  /** Shared by the app's durables: their acks leave together. */
  private readonly acks: AckBuffer;
  private readonly outcomeListeners = new Set<JetStreamServerEvents['outcome']>();
  private groups: HandlerGroup[] = [];
  private workers: DurableWorker[] = [];
  private connection?: Promise<Connection>;
  private connected?: Connection;
  private closing?: Promise<void>;

  constructor(private readonly options: JetStreamServerOptions) {
    super();
    this.settings = consumerSettings(options);
    this.acks = new AckBuffer(this.settings.ackDelayMs);
    this.lanes = new LaneScheduler((group) => settleLaneGroup(options.dataSource, this.logger, group), this.settings.maxBatch * LANE_GROUP_BATCHES);
  }

  get app(): string {
    return this.options.app;
  }

  get dataSource(): DataSource {
    return this.options.dataSource;
  }

  /** Called by Nest for every @EventPattern method: kept per handler name, never chained. */
  override addHandler(pattern: unknown, callback: MessageHandler, isEventHandler = false, extras: Record<string, unknown> = {}): void {
    if (!isEventHandler || typeof pattern !== 'string') {
      throw new Error(`JetStreamServer serves @EventPattern('<subject>', { handler }) only; got ${JSON.stringify(pattern)}`);
    }
    if (extras.lane !== undefined && !isLane(extras.lane)) {
      throw new Error(`@EventPattern('${pattern}') has a lane that is not a Lane (see laneByField)`);
    }
    this.registered.push({ pattern, handler: String(extras.handler ?? ''), callback, ...(extras.lane ? { lane: extras.lane } : {}) });
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      this.groups = groupHandlers(this.options.app, this.settings.namespace, this.registered);
      assertDeclaredDurables(this.options.app, this.groups);
      const { nc, js, jsm } = await this.clients();
      await ensureDeadLetterStream(jsm, this.settings.namespace, this.options.app);
      for (const group of this.groups) await ensureProducerStream(jsm, this.settings.namespace, group);
      this.workers = this.groups.map(
        (group) =>
          new DurableWorker({
            app: this.options.app,
            group,
            settings: this.settings,
            js,
            jsm,
            dataSource: this.options.dataSource,
            connectionClosed: () => nc.isClosed(),
            logger: this.logger,
            lanes: this.lanes,
            acks: this.acks,
            report: (report) => this.emitOutcome(report),
          }),
      );
      for (const worker of this.workers) await worker.start();
      void this.followConnection(nc);
      this._status$.next('connected');
      this.logger.log({ msg: 'JetStream consumers listening', consumers: this.groups.map((g) => `${g.durable} <- ${g.filterSubject}`) });
      callback();
    } catch (error) {
      await Promise.all(this.workers.map((worker) => worker.stop()));
      callback(error);
    }
  }

  /** Stops fetching, finishes running attempts, leaves the rest unacked for redelivery; idempotent. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.all(this.workers.map((worker) => worker.stop()));
      this.acks.flush();
      const connection = await this.connection?.catch(() => undefined);
      const owned = connection && !this.options.connection;
      if (owned && !connection.nc.isClosed()) await connection.nc.drain().catch(() => connection.nc.close());
      this._status$.next('disconnected');
    })();
    return this.closing;
  }

  /** Drains before TypeORM destroys the DataSource (onApplicationShutdown), so no transaction is cut off. */
  async onModuleDestroy(): Promise<void> {
    await this.close();
  }

  on<K extends keyof JetStreamServerEvents>(event: K, callback: JetStreamServerEvents[K]): void {
    if (event !== 'outcome') throw new Error(`JetStreamServer has no event "${String(event)}"`);
    this.outcomeListeners.add(callback);
  }

  /** The NATS connection (after listen). */
  unwrap<T>(): T {
    if (!this.connected) throw new Error('JetStreamServer is not connected');
    return this.connected.nc as T;
  }

  /** The handler group behind a durable name, for dead-letter replays. */
  handlerGroup(durable: string): HandlerGroup | undefined {
    return this.groups.find((g) => g.durable === durable);
  }

  /** Shared by the dead-letter admin: connects on first use. */
  clients(): Promise<Connection> {
    if (this.closing) return Promise.reject(new Error('JetStreamServer is closed'));
    this.connection ??= (async () => {
      const { connection: shared, servers, credentials, app } = this.options;
      if (!shared && !servers) throw new Error('JetStreamServer needs a NATS connection or servers');
      const nc = shared ?? (await connectNats({ servers: servers as string | string[], name: `${app}-consumers`, credentials, logger: this.logger }));
      const connection = { nc, ...(await jetStreamClients(nc)) };
      this.connected = connection;
      return connection;
    })();
    return this.connection;
  }

  /**
   * Messages in flight when the connection dropped may be lost and come back only after
   * ack_wait, behind newer ones: every worker re-checks its durable (and rewinds) on reconnect.
   */
  private async followConnection(nc: NatsConnection): Promise<void> {
    for await (const status of nc.status()) {
      if (status.type === 'disconnect') this._status$.next('disconnected');
      if (status.type === 'reconnect') {
        this._status$.next('connected');
        for (const worker of this.workers) worker.resync('reconnected');
      }
    }
  }

  private emitOutcome(report: ConsumerOutcomeReport): void {
    for (const listener of this.outcomeListeners) {
      try {
        listener(report);
      } catch (error) {
        this.logger.warn({ msg: 'JetStream outcome listener failed', error: String(error) });
      }
    }
  }
}
