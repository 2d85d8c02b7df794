import { EventStore, eventStoreMigrations } from '@brigade/event-store';
import {
  Headers,
  NATS_CONNECTION,
  NatsHealthIndicator,
  NatsModule,
  OutboxRelay,
  RelayModule,
  contextStreamName,
  relayMigrations,
} from '../../src';
import { TestDatabase, createTestDatabase, eventually, natsUrl, testNamespace } from '@brigade/testing';
import { jetstreamManager } from '@nats-io/jetstream';
import { NatsConnection } from '@nats-io/transport-node';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LEDGER, LEDGER_STREAM_TYPE, aMetadata, anEntryRecorded, mapLedgerEvent } from './support/ledger-events';
import { readPublished } from './support/published-log';

/** The Nest glue as an app uses it: NatsModule + RelayModule next to the context's TypeORM DataSource. */
describe('RelayModule in a Nest app', () => {
  let db: TestDatabase;
  let app: INestApplicationContext;
  const ns = testNamespace();
  const streamName = contextStreamName(ns, LEDGER);

  beforeAll(async () => {
    db = await createTestDatabase('relay_module');
    app = await NestFactory.createApplicationContext(
      {
        module: class LedgerApp {},
        imports: [
          TypeOrmModule.forRoot({
            type: 'postgres',
            url: db.url,
            migrations: [...eventStoreMigrations, ...relayMigrations],
            migrationsRun: true,
            extra: { max: 4 },
          }),
          NatsModule.forRoot({ servers: natsUrl(), name: 'ledger' }),
          RelayModule.forRootAsync({ useFactory: () => ({ context: LEDGER, namespace: ns, mapEvent: mapLedgerEvent }) }),
        ],
      },
      { logger: false },
    );
    await app.init();
  });

  afterAll(async () => {
    await app?.close().catch(() => undefined); // already closed by the test when it got that far
    await db?.drop();
  });

  it('publishes what the app appends, reports NATS healthy, and shuts the relay down before the connection', async () => {
    const store = new EventStore(app.get(DataSource));
    const appended = anEntryRecorded(7);
    await store.append('entry-a', LEDGER_STREAM_TYPE, [appended], 0, aMetadata());
    const nc = app.get<NatsConnection>(NATS_CONNECTION);

    const [message] = await eventually(async () => {
      const messages = await readPublished(nc, streamName);
      expect(messages).toHaveLength(1);
      return messages;
    });
    expect(message.headers[Headers.MsgId]).toBe(appended.eventId);
    const health = app.get(NatsHealthIndicator);
    // /health is public: up or down, the answer never names the server.
    expect(await health.isHealthy()).toEqual({ nats: { status: 'up', rttMs: expect.any(Number) } });

    const relay = app.get(OutboxRelay);
    await (await jetstreamManager(nc)).streams.delete(streamName);
    await app.close();
    expect(relay.status.running).toBe(false);
    expect(nc.isClosed()).toBe(true);
    expect(await health.isHealthy()).toEqual({ nats: { status: 'down', reason: 'connection closed' } });
  });
});
