// A real orders service for component tests: the real AppModule on a fresh database and a NATS
// subject prefix of its own, listening on a free port. The environment outlives the app, so a
// test can stop the app and start a new one on the same database (a restart). It stands in for
// the neighbours by publishing their contract fixtures with the headers their relays would set,
// and collects everything orders publishes.
import { ComponentEnvironment, PublishedMessage } from '@brigade/component-testing';
import { accountingContext } from '@brigade/contracts/accounting';
import { consumersContext } from '@brigade/contracts/consumers';
import { deliveryContext } from '@brigade/contracts/delivery';
import { kitchenContext } from '@brigade/contracts/kitchen';
import { ordersContext } from '@brigade/contracts/orders';
import { restaurantsContext } from '@brigade/contracts/restaurants';
import { deadLetterStreamName, durableName, Headers } from '@brigade/messaging';
import { eventually, TestIssuer } from '@brigade/testing';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';

export type { PublishedMessage } from '@brigade/component-testing';

export interface OrdersApp {
  readonly baseUrl: string;
  /** Sent with every call(app, ...): an admin's bearer token, unless the call says otherwise (as(app, ...)). */
  readonly headers: Readonly<Record<string, string>>;
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

export class OrdersTestEnvironment {
  private constructor(private readonly env: ComponentEnvironment) {}

  static async create(): Promise<OrdersTestEnvironment> {
    return new OrdersTestEnvironment(
      await ComponentEnvironment.create({
        app: 'orders',
        context: ordersContext,
        neighbours: [restaurantsContext, consumersContext, kitchenContext, accountingContext, deliveryContext],
      }),
    );
  }

  /** Everything published on the orders stream so far, in stream order. */
  get published(): readonly PublishedMessage[] {
    return this.env.published;
  }

  get subjectPrefix(): string {
    return this.env.subjectPrefix;
  }

  /** Signs the tokens the app trusts: `as(app, await env.issuer.bearer({ role: 'consumer', consumerId }))`. */
  get issuer(): TestIssuer {
    return this.env.issuer;
  }

  /**
   * Starts the orders app on this environment's database (migrations run only the first time).
   * Every app a test file starts gets the config of its first (ServiceModule loads it once per
   * module registry): options only take effect on the file's first app.
   */
  async startApp(options: { approvalDeadlineMs?: number; changeDeadlineMs?: number } = {}): Promise<OrdersApp> {
    const nest = await this.env.startApp({
      module: AppModule,
      env: {
        ORDERS_APPROVAL_DEADLINE_MS: String(options.approvalDeadlineMs ?? 60_000),
        ORDERS_CHANGE_DEADLINE_MS: String(options.changeDeadlineMs ?? 60_000),
      },
      consumers: true,
    });
    const headers = await this.env.issuer.bearer({ role: 'admin' });
    return { baseUrl: await nest.getUrl(), headers, dataSource: nest.get(DataSource), close: () => this.env.stopApp(nest) };
  }

  /** A query on the orders database while no app is running (e.g. between a stop and a restart). */
  async query(sql: string, parameters: unknown[] = []): Promise<any[]> { // eslint-disable-line @typescript-eslint/no-explicit-any -- rows as PostgreSQL returns them
    const client = new Client({ connectionString: this.env.databaseUrl });
    await client.connect();
    try {
      return (await client.query(sql, parameters)).rows;
    } finally {
      await client.end();
    }
  }

  /**
   * Publishes a neighbour's contract payload as its relay would: namespaced subject, event headers,
   * and a fresh Nats-Msg-Id even for a repeated event id, so JetStream's own dedup does not hide a
   * redelivery from the consumer's inbox, which is what the tests exercise.
   */
  publish(subject: string, payload: object, options: PublishOptions): Promise<string> {
    return this.env.publish({ subject, payload, ...options });
  }

  /** Resolves once the app's durable `orders--<handler>` has acked everything on its stream. */
  async drained(context: string, handler: string): Promise<void> {
    await eventually(async () => {
      const stream = this.env.streamName(context);
      const info = await this.env.jsm.consumers.info(stream, durableName('orders', handler));
      const last = (await this.env.jsm.streams.info(stream)).state.last_seq;
      if (info.num_ack_pending > 0 || info.ack_floor.stream_seq < last) throw new Error(`${handler} still has messages in hand`);
    });
  }

  /** What orders parked on its dead-letter stream so far: each copy's event id, the durable that parked it and why. */
  async parked(): Promise<Array<{ eventId: string; parkedBy: string; error: string }>> {
    const stream = deadLetterStreamName(this.env.namespace, 'orders');
    const last = await this.env.jsm.streams.info(stream).then((info) => info.state.last_seq, () => 0);
    const copies = [];
    for (let seq = 1; seq <= last; seq++) {
      const copy = await this.env.jsm.streams.getMessage(stream, { seq }).catch(() => null);
      if (!copy) continue;
      copies.push({ eventId: copy.header.get(Headers.EventId), parkedBy: copy.header.get(Headers.ParkedBy), error: copy.header.get(Headers.ParkedError) });
    }
    return copies;
  }

  /** Messages orders published about one order (its stream id), subjects without the prefix. */
  publishedFor(orderId: string): PublishedMessage[] {
    return this.published
      .filter((m) => m.aggregateId === orderId)
      .map((m) => ({ ...m, subject: m.subject.slice(this.subjectPrefix.length) }));
  }

  close(): Promise<void> {
    return this.env.close();
  }
}
