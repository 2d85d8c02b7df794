import { Contract } from '@brigade/contracts/core';
import {
  aConsumerRegisteredV1,
  consumerReactivatedV1,
  consumerRegisteredV1,
  consumerSuspendedV1,
} from '@brigade/contracts/consumers';
import { EventStore } from '@brigade/event-store';
import { Headers } from '@brigade/messaging';
import { eventually } from '@brigade/testing';
import { aRegisterConsumerBody } from './consumer-requests';
import { call, ConsumersApp, PublishedMessage, startConsumersApp } from './consumers-app';

describe('consumers service: commands are stored and published', () => {
  let app: ConsumersApp;

  beforeAll(async () => {
    app = await startConsumersApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  /** The message published for `consumerId` on `contract`'s subject, once it has arrived. */
  function publishedFor(consumerId: string, contract: Contract<unknown>): Promise<PublishedMessage> {
    return eventually(() => {
      const message = app.published.find((m) => m.aggregateId === consumerId && m.subject === `${app.subjectPrefix}${contract.subject}`);
      if (!message) throw new Error(`nothing published on ${contract.subject} for ${consumerId}`);
      return message;
    });
  }

  async function registerConsumer(headers: Record<string, string> = {}): Promise<string> {
    const registered = await call(app, 'POST', '/consumers', aRegisterConsumerBody(), headers);
    expect(registered.status).toBe(201);
    return registered.body.consumerId;
  }

  it('POST /consumers answers 201 with the id and a Location, and the consumer starts ACTIVE', async () => {
    const registered = await call(app, 'POST', '/consumers', aRegisterConsumerBody());

    expect(registered.status).toBe(201);
    expect(registered.body).toEqual({ consumerId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(registered.headers.get('location')).toBe(`/consumers/${registered.body.consumerId}`);
    const fetched = await call(app, 'GET', `/consumers/${registered.body.consumerId}`);
    expect(fetched.status).toBe(200);
    expect(fetched.body).toEqual({ consumerId: registered.body.consumerId, ...aRegisterConsumerBody(), status: 'ACTIVE', version: 1 });
  });

  it('publishes consumers.consumer.registered.v1 with the contract payload and event headers', async () => {
    const consumerId = await registerConsumer();

    const message = await publishedFor(consumerId, consumerRegisteredV1);
    expect(consumerRegisteredV1.parse(message.payload)).toEqual({ consumerId, ...aRegisterConsumerBody() });
    expect(Object.keys(message.payload).sort()).toEqual(Object.keys(aConsumerRegisteredV1()).sort());
    const [stored] = await new EventStore(app.dataSource).readStream(consumerId);
    expect(message.headers.get(Headers.MsgId)).toBe(stored.eventId);
    expect(message.headers.get(Headers.AggregateId)).toBe(consumerId);
    expect(message.headers.get(Headers.StreamVersion)).toBe('1');
  });

  it('stores every event with metadata from the request: correlation id, the token’s user as actor, time', async () => {
    const headers = { 'X-Correlation-Id': 'corr-consumer-lifecycle', ...(await app.environment.issuer.bearer({ role: 'admin', sub: 'admin-1' })) };
    const before = Date.now();
    const consumerId = await registerConsumer(headers);
    expect((await call(app, 'POST', `/consumers/${consumerId}/suspend`, undefined, headers)).status).toBe(200);

    const events = await new EventStore(app.dataSource).readStream(consumerId);
    expect(events.map((e) => [e.type, e.streamVersion, e.streamType])).toEqual([
      ['ConsumerRegistered', 1, 'consumer'],
      ['ConsumerSuspended', 2, 'consumer'],
    ]);
    for (const event of events) {
      expect(event.metadata).toEqual({
        correlationId: 'corr-consumer-lifecycle',
        causationId: null,
        actor: { id: 'admin-1', role: 'admin' },
        occurredAt: expect.any(String),
      });
      expect(Date.parse(event.metadata.occurredAt)).toBeGreaterThanOrEqual(before - 1000);
    }
    const message = await publishedFor(consumerId, consumerSuspendedV1);
    expect(message.headers.get(Headers.CorrelationId)).toBe('corr-consumer-lifecycle');
  });

  it('POST suspend and reactivate answer with the consumer and publish suspended.v1 then reactivated.v1, in stream order', async () => {
    const consumerId = await registerConsumer();

    const suspended = await call(app, 'POST', `/consumers/${consumerId}/suspend`);
    expect(suspended.status).toBe(200);
    expect(suspended.body).toMatchObject({ consumerId, status: 'SUSPENDED', version: 2 });
    const reactivated = await call(app, 'POST', `/consumers/${consumerId}/reactivate`);
    expect(reactivated.status).toBe(200);
    expect(reactivated.body).toMatchObject({ consumerId, status: 'ACTIVE', version: 3 });

    const suspendedMessage = await publishedFor(consumerId, consumerSuspendedV1);
    const reactivatedMessage = await publishedFor(consumerId, consumerReactivatedV1);
    expect(consumerSuspendedV1.parse(suspendedMessage.payload)).toEqual({ consumerId });
    expect(consumerReactivatedV1.parse(reactivatedMessage.payload)).toEqual({ consumerId });
    const own = app.published.filter((m) => m.aggregateId === consumerId);
    expect(own.map((m) => m.subject.slice(app.subjectPrefix.length))).toEqual([
      consumerRegisteredV1.subject,
      consumerSuspendedV1.subject,
      consumerReactivatedV1.subject,
    ]);
    expect(own.map((m) => m.headers.get(Headers.StreamVersion))).toEqual(['1', '2', '3']);
  });

  it('GET /consumers/:id shows the consumer after its changes, whatever the case of the id', async () => {
    const consumerId = await registerConsumer();
    await call(app, 'POST', `/consumers/${consumerId}/suspend`);

    const fetched = await call(app, 'GET', `/consumers/${consumerId.toUpperCase()}`);

    expect(fetched.status).toBe(200);
    expect(fetched.body).toEqual({ consumerId, ...aRegisterConsumerBody(), status: 'SUSPENDED', version: 2 });
  });
});
