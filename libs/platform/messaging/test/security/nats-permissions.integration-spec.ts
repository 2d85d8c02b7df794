import { TestDatabase, createTestDatabase, eventually, testNamespace } from '@brigade/testing';
import { SERVICE_CONFIG } from '@brigade/service';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { headers, NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { DataSource } from 'typeorm';
import {
  AppNatsAccess,
  DeadLetters,
  JetStreamServer,
  NATS_ACCESS,
  NATS_CONNECTION,
  NatsModule,
  NATS_APPS,
  NatsApp,
  OutboxRelay,
  contextStreamName,
  durableName,
  ensureContextStream,
  prefixed,
} from '../../src';
import { appendProbeEvent, openProbeDatabase, probeConsumers, probeRelay, probeSubject } from './support/app-probes';
import { SecuredNats, violationOf } from './support/secured-nats';

const ns = testNamespace();
const consumesOf = (app: NatsApp): AppNatsAccess['consumes'] => NATS_ACCESS[app].consumes;
const publishingApps = NATS_APPS.filter((app) => NATS_ACCESS[app].publishes !== null);
const consumingApps = NATS_APPS.filter((app) => Object.keys(consumesOf(app)).length > 0);
/** Every `<durable> <- <context>` the table declares. */
const declaredDeliveries = consumingApps.flatMap((app) =>
  Object.entries(consumesOf(app)).flatMap(([context, handlers]) => handlers.map((handler) => `${durableName(app, handler)} <- ${context}`)),
);

describe('NATS users and permissions (a server run with the generated configuration)', () => {
  let nats: SecuredNats;
  let operator: NatsConnection;
  let database: TestDatabase;
  let dataSource: DataSource;
  const connections = new Map<NatsApp, NatsConnection>();
  const relays: OutboxRelay[] = [];
  const servers = new Map<NatsApp, { server: JetStreamServer; received: Set<string> }>();

  beforeAll(async () => {
    Logger.overrideLogger(false); // the consumers log every park this file causes on purpose
    nats = await SecuredNats.start(ns);
    operator = await nats.operator();
    database = await createTestDatabase('nats_permissions');
    dataSource = await openProbeDatabase(database.url);
    for (const app of NATS_APPS) connections.set(app, await nats.connectAs(app));
  });

  afterAll(async () => {
    for (const relay of relays) await relay.stop();
    for (const { server } of servers.values()) await server.close();
    for (const nc of [...connections.values(), operator]) await nc?.close();
    await dataSource?.destroy();
    await database?.drop();
    await nats?.stop();
  });

  const as = (app: NatsApp): NatsConnection => connections.get(app) as NatsConnection;

  describe('each app, as its own user, does all it needs', () => {
    it('consumers start first (creating their producers streams), relays publish, every declared durable receives its context', async () => {
      for (const app of consumingApps) servers.set(app, await probeConsumers(app, dataSource, as(app), ns));
      for (const app of publishingApps) {
        const relay = probeRelay(dataSource, as(app), ns, NATS_ACCESS[app].publishes as string);
        relays.push(relay);
        await relay.start();
      }
      for (const app of publishingApps) await appendProbeEvent(dataSource, NATS_ACCESS[app].publishes as string);

      const received = await eventually(
        async () => {
          const all = [...servers.values()].flatMap(({ received }) => [...received]);
          expect(all.sort()).toEqual([...declaredDeliveries].sort());
          return all;
        },
        { timeoutMs: 30_000, intervalMs: 100 },
      );
      expect(received.length).toBeGreaterThan(20);
      expect(nats.violations()).toEqual([]);
    });

    it('parks what it cannot read on its own dead-letter queue, lists, replays and discards it', async () => {
      // A message without an event id: every durable of the context parks it at once.
      const unreadable = headers();
      unreadable.set('Brigade-Event-Type', 'ProbePublished');
      for (const app of publishingApps) {
        const context = NATS_ACCESS[app].publishes as string;
        await jetstream(operator).publish(prefixed(ns, probeSubject(context)), '{}', { headers: unreadable });
      }
      for (const app of consumingApps) {
        const deadLetters = new DeadLetters(servers.get(app)?.server as JetStreamServer);
        const handlers = Object.values(consumesOf(app)).flat();
        const page = await eventually(
          async () => {
            const listed = await deadLetters.list();
            expect(listed.items).toHaveLength(handlers.length);
            return listed;
          },
          { timeoutMs: 30_000, intervalMs: 100 },
        );
        expect(await deadLetters.replay(page.items[0].seq)).toMatchObject({ seq: page.items[0].seq });
        for (const item of page.items) expect(await deadLetters.discard(item.seq)).toBe(true);
        expect((await deadLetters.list()).items).toEqual([]);
      }
      expect(nats.violations()).toEqual([]);
    });

    it("rewinds (deletes and recreates) its own durables, reads their positions, and replays whole streams when it rebuilds (order-history)", async () => {
      for (const app of consumingApps) {
        const jsm = await jetstreamManager(as(app), { checkAPI: false });
        const [context, [handler]] = Object.entries(consumesOf(app))[0];
        const stream = contextStreamName(ns, context);
        await jsm.consumers.info(stream, durableName(app, handler));
        await jsm.streams.info(stream);
        await jsm.consumers.delete(stream, durableName(app, handler));
        const previous = servers.get(app) as { server: JetStreamServer };
        await previous.server.close();
        servers.set(app, await probeConsumers(app, dataSource, as(app), ns)); // recreates the durable
      }
      const history = as('order-history');
      for (const context of Object.keys(consumesOf('order-history'))) {
        // As StreamReader does: an ephemeral ordered consumer over the whole stream.
        const consumer = await jetstream(history).consumers.get(contextStreamName(ns, context), {});
        const messages = await consumer.fetch({ max_messages: 1, expires: 2_000 });
        const subjects: string[] = [];
        for await (const message of messages) subjects.push(message.subject);
        expect(subjects).toEqual([prefixed(ns, probeSubject(context))]);
        await consumer.delete();
      }
      for (const app of NATS_APPS) await as(app).rtt(); // the health indicator's round trip
      expect(nats.violations()).toEqual([]);
    });
  });

  describe("an app's NatsModule", () => {
    /** An app as far as NATS goes: the validated config ServiceModule provides (or none), and NatsModule. */
    async function appConnection(config: object | null): Promise<{ nc: NatsConnection; close(): Promise<void> }> {
      const configModule = { module: class ConfigStandIn {}, global: true, providers: config ? [{ provide: SERVICE_CONFIG, useValue: config }] : [], exports: config ? [SERVICE_CONFIG] : [] };
      const app = await NestFactory.createApplicationContext(
        { module: class AppStandIn {}, imports: [configModule, NatsModule.forRoot({ servers: nats.server.url, name: 'restaurants' })] },
        { logger: false, abortOnError: false },
      );
      return { nc: app.get<NatsConnection>(NATS_CONNECTION), close: () => app.close() };
    }

    it('connects as the NATS_USER / NATS_PASSWORD of the app config, and so may publish only as that app', async () => {
      const app = await appConnection({ NATS_USER: 'restaurants', NATS_PASSWORD: nats.passwordOf('restaurants') });
      try {
        expect(await violationOf(app.nc, () => app.nc.publish(prefixed(ns, 'restaurants.restaurant.opened.v1'), '{}'), 500)).toBeNull();
        const forged = prefixed(ns, 'orders.order.approved.v1');
        expect(await violationOf(app.nc, () => app.nc.publish(forged, '{}'))).toEqual({ operation: 'publish', subject: forged });
      } finally {
        await app.close();
      }
    });

    it('without them connects anonymously, which the server refuses: the app does not start', async () => {
      await expect(appConnection({ NATS_USER: undefined, NATS_PASSWORD: undefined })).rejects.toThrow(/Authorization Violation/i);
      await expect(appConnection(null)).rejects.toThrow(/Authorization Violation/i);
    });
  });

  describe('what the server refuses', () => {
    beforeAll(async () => {
      const jsm = await jetstreamManager(operator);
      for (const context of ['orders', 'kitchen', 'accounting', 'consumers']) await ensureContextStream(jsm, ns, context);
    });

    async function storedOn(context: string): Promise<number> {
      const jsm = await jetstreamManager(operator);
      return (await jsm.streams.info(contextStreamName(ns, context))).state.messages;
    }

    it('refuses a client without credentials, and a wrong password', async () => {
      expect(await nats.refusedConnect()).toMatch(/Authorization Violation/i);
      expect(await nats.refusedConnect({ user: 'orders', pass: 'not-the-password-of-orders' })).toMatch(/Authorization Violation/i);
    });

    it.each([
      ['accounting', 'accounting.payment.authorized.v1'],
      ['kitchen', 'kitchen.ticket.created.v1'],
    ])('refuses the orders user publishing on %s.>', async (context, subject) => {
      const before = await storedOn(context);
      const refused = await violationOf(as('orders'), () => as('orders').publish(prefixed(ns, subject), '{}'));
      expect(refused).toEqual({ operation: 'publish', subject: prefixed(ns, subject) });
      expect(await storedOn(context)).toBe(before);
    });

    it("refuses a verdict forged with another app's credentials (kitchen publishing consumers' order-validated)", async () => {
      const subject = prefixed(ns, 'consumers.consumer.order-validated.v1');
      const before = await storedOn('consumers');
      expect(await violationOf(as('kitchen'), () => as('kitchen').publish(subject, '{"orderId":"forged"}'))).toEqual({ operation: 'publish', subject });
      expect(await storedOn('consumers')).toBe(before);
    });

    it("refuses parking on another app's dead-letter subject", async () => {
      const subject = prefixed(ns, 'dlq.orders.consumer-verdicts');
      expect(await violationOf(as('kitchen'), () => as('kitchen').publish(subject, '{}'))).toEqual({ operation: 'publish', subject });
    });

    it("refuses touching another app's durable: delete, pull, ack (kitchen on accounting's, on the orders stream)", async () => {
      const stream = contextStreamName(ns, 'orders');
      const durable = durableName('accounting', 'payment-authorization');
      for (const subject of [`$JS.API.CONSUMER.DELETE.${stream}.${durable}`, `$JS.API.CONSUMER.MSG.NEXT.${stream}.${durable}`, `$JS.ACK.${stream}.${durable}.1.1.1.1.0`]) {
        expect(await violationOf(as('kitchen'), () => as('kitchen').publish(subject))).toEqual({ operation: 'publish', subject });
      }
    });

    it("keeps order-history's replay consumers off the other apps' durables", async () => {
      const stream = contextStreamName(ns, 'orders');
      const durable = durableName('kitchen', 'ticket-lifecycle');
      for (const subject of [`$JS.API.CONSUMER.DELETE.${stream}.${durable}`, `$JS.API.CONSUMER.CREATE.${stream}.${durable}`, `$JS.API.CONSUMER.MSG.NEXT.${stream}.${durable}`]) {
        expect(await violationOf(as('order-history'), () => as('order-history').publish(subject))).toEqual({ operation: 'publish', subject });
      }
    });

    it("refuses subscribing to events, to another app's inbox, or to everything", async () => {
      for (const subject of [prefixed(ns, 'orders.>'), '_INBOX.kitchen.>', '>']) {
        expect(await violationOf(as('orders'), () => void as('orders').subscribe(subject))).toEqual({ operation: 'subscription', subject });
      }
    });

    it("refuses deleting, purging or reconfiguring another context's stream", async () => {
      const stream = contextStreamName(ns, 'accounting');
      for (const subject of [`$JS.API.STREAM.DELETE.${stream}`, `$JS.API.STREAM.PURGE.${stream}`, `$JS.API.STREAM.UPDATE.${stream}`]) {
        expect(await violationOf(as('orders'), () => as('orders').publish(subject))).toEqual({ operation: 'publish', subject });
      }
    });
  });
});
