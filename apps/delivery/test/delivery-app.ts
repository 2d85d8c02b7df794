// A real delivery service for component tests: the real AppModule (HTTP, relay and JetStream
// consumers) on a fresh database and a NATS subject prefix of its own, plus what a test needs to
// stand in for its neighbours: publishing their contract fixtures the way their relays do, and
// collecting everything delivery publishes. The environment outlives the app, so a test can stop
// it and start a new one on the same database (a restart).
import { call, ComponentApp, componentAppOf, ComponentEnvironment, PublishedMessage, publishedFor } from '@brigade/component-testing';
import { Contract } from '@brigade/contracts/core';
import { deliveryContext } from '@brigade/contracts/delivery';
import { kitchenContext } from '@brigade/contracts/kitchen';
import { ordersContext } from '@brigade/contracts/orders';
import { restaurantsContext } from '@brigade/contracts/restaurants';
import { ConsumerOutcomeReport, JetStreamServer } from '@brigade/messaging';
import { eventually, TestIssuer } from '@brigade/testing';
import type { Type } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';

export { call } from '@brigade/component-testing';
export type { HttpAnswer, PublishedMessage } from '@brigade/component-testing';

export interface NeighbourEvent {
  /** Brigade-Aggregate-Id: the producer's stream id (restaurantId, orderId). */
  readonly aggregateId: string;
  /** Brigade-Stream-Version. */
  readonly version?: number;
  /** Brigade-Event-Id; a fresh one by default. */
  readonly eventId?: string;
}

/** Who waits and who is free, oldest first, as the assignment board's tables hold them. */
export interface Board {
  readonly free: string[];
  readonly waiting: string[];
}

export class DeliveryApp {
  /** Every outcome the app's consumers reported (processed, duplicate, rejected...), across restarts. */
  readonly outcomes: ConsumerOutcomeReport[] = [];
  private current!: ComponentApp;

  private constructor(private readonly environment: ComponentEnvironment) {}

  static async start(): Promise<DeliveryApp> {
    const environment = await ComponentEnvironment.create({ app: 'delivery', context: deliveryContext, neighbours: [restaurantsContext, ordersContext, kitchenContext] });
    const app = new DeliveryApp(environment);
    try {
      await app.startIncarnation();
    } catch (error) {
      await environment.close();
      throw error;
    }
    return app;
  }

  get baseUrl(): string {
    return this.current.baseUrl;
  }

  /** Sent with every call(app, ...): an admin's bearer token, unless the call overrides it. */
  get headers(): Readonly<Record<string, string>> {
    return this.current.headers;
  }

  /** Signs the tokens the app trusts: `as(app, await app.issuer.bearer({ role: 'courier', courierId }))`. */
  get issuer(): TestIssuer {
    return this.environment.issuer;
  }

  get dataSource(): DataSource {
    return this.current.dataSource;
  }

  get subjectPrefix(): string {
    return this.environment.subjectPrefix;
  }

  /** Everything delivery published so far, in stream order. */
  get published(): PublishedMessage[] {
    return this.environment.published;
  }

  /** Stops the app and starts a new one on the same database and subject prefix (its durables resume). */
  async restart(): Promise<void> {
    await this.environment.stopApp(this.current.nest);
    await this.startIncarnation();
  }

  /** Publishes a neighbour's contract payload (validated first) with the headers its relay would set; answers the event id. */
  publish<T>(contract: Contract<T>, payload: T, event: NeighbourEvent): Promise<string> {
    const eventId = event.eventId ?? randomUUID();
    return this.environment.publish({
      subject: contract.subject,
      payload: contract.parse(payload) as object,
      aggregateId: event.aggregateId,
      eventId,
      streamVersion: event.version,
      correlationId: `corr-${event.aggregateId}`,
    });
  }

  /** Resolves when a consumer has finished with this event (any outcome). */
  consumed(eventId: string): Promise<ConsumerOutcomeReport> {
    return eventually(() => {
      const report = this.outcomes.find((o) => o.eventId === eventId);
      if (!report) throw new Error(`event ${eventId} not consumed yet`);
      return report;
    });
  }

  /** The messages published about one aggregate (orderId, courierId), once `count` of them have arrived. */
  publishedFor(aggregateId: string, count: number): Promise<PublishedMessage[]> {
    return publishedFor(this.published, aggregateId, count);
  }

  /** Subjects (without the test's prefix) of what was published about one aggregate so far. */
  subjectsFor(aggregateId: string): string[] {
    return this.published.filter((m) => m.aggregateId === aggregateId).map((m) => m.subject.slice(this.subjectPrefix.length));
  }

  async board(): Promise<Board> {
    const [row] = await this.dataSource.query(`SELECT
      ARRAY(SELECT courier_id::text FROM delivery_free_couriers ORDER BY position) AS free,
      ARRAY(SELECT order_id::text FROM delivery_waiting_deliveries ORDER BY position) AS waiting`);
    return row;
  }

  /** A provider of the running app (a handler, to drive a use case inside a transaction the test holds open). */
  get<T>(token: Type<T>): T {
    return this.current.nest.get(token);
  }

  storedEventCount(): Promise<number> {
    return this.current.storedEventCount();
  }

  close(): Promise<void> {
    return this.environment.close();
  }

  private async startIncarnation(): Promise<void> {
    const nest = await this.environment.startApp({
      module: AppModule,
      consumers: true,
      connectMicroservices: (created) => created.get(JetStreamServer).on('outcome', (report) => this.outcomes.push(report)),
    });
    this.current = await componentAppOf(this.environment, nest);
  }
}

/** A courier registered over HTTP; on shift unless `available` is false. */
export async function aCourier(app: DeliveryApp, options: { name?: string; available?: boolean } = {}): Promise<string> {
  const registered = await call(app, 'POST', '/couriers', { name: options.name ?? 'Grace Hopper' });
  if (registered.status !== 201) throw new Error(`POST /couriers answered ${registered.status}: ${JSON.stringify(registered.body)}`);
  const courierId: string = registered.body.courierId;
  if (options.available !== false) await setAvailable(app, courierId, true);
  return courierId;
}

export async function setAvailable(app: DeliveryApp, courierId: string, available: boolean) {
  const answer = await call(app, 'POST', `/couriers/${courierId}/availability`, { available });
  if (answer.status !== 200) throw new Error(`POST /couriers/${courierId}/availability answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** The delivery once it satisfies `expectation` (its events are applied by consumers, asynchronously). */
export function deliveryOnce(app: DeliveryApp, orderId: string, expectation: Record<string, unknown>) {
  return eventually(async () => {
    const answer = await call(app, 'GET', `/deliveries/${orderId}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject(expectation);
    return answer.body;
  });
}
