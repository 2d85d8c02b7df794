import { ComponentApp, startComponentApp } from '@brigade/component-testing';
import { consumerRegisteredV1, consumersContext } from '@brigade/contracts/consumers';
import { aStaffUserRegisteredV1, aUserRegisteredV1, identityContext, UserRegisteredV1, userRegisteredV1Subject } from '@brigade/contracts/identity';
import { ordersContext } from '@brigade/contracts/orders';
import { EventStore } from '@brigade/event-store';
import { eventually } from '@brigade/testing';
import { randomUUID } from 'node:crypto';
import { AppModule } from '../src/app.module';
import { call } from './consumers-app';

const DURABLE = 'consumers--consumer-registration';

describe('consumers service: registers the Consumer of every consumer who signs up at identity', () => {
  let app: ComponentApp;

  beforeAll(async () => {
    app = await startComponentApp({ app: 'consumers', context: consumersContext, neighbours: [ordersContext, identityContext], module: AppModule, consumers: true });
  });

  afterAll(async () => {
    await app?.close();
  });

  /** Publishes identity.user.registered.v1 as identity's relay would; answers the event id. */
  const publishUserRegistered = (user: UserRegisteredV1, eventId: string = randomUUID()) =>
    app.publish({ subject: userRegisteredV1Subject, payload: user, aggregateId: user.userId, eventId, eventType: 'UserRegistered', streamVersion: 1, correlationId: `corr-${user.userId}`, actor: { id: 'anonymous', role: 'anonymous' } });

  /** A consumer's sign-up, and the consumer it names. */
  const aSignUp = (): UserRegisteredV1 & { consumerId: string } => ({
    ...aUserRegisteredV1({ userId: randomUUID(), email: `${randomUUID()}@example.com`, name: { firstName: 'Grace', lastName: 'Hopper' } }),
    consumerId: randomUUID(),
  });

  async function drained(): Promise<void> {
    const info = await app.environment.jsm.consumers.info(app.environment.streamName(identityContext), DURABLE);
    if (info.num_pending > 0 || info.num_ack_pending > 0) throw new Error(`${DURABLE}: ${info.num_pending} pending, ${info.num_ack_pending} unacked`);
  }

  it('registers the Consumer under the consumerId identity gave it, with the sign-up’s name and email, caused by the identity event', async () => {
    const user = aSignUp();

    const eventId = await publishUserRegistered(user);

    const consumer = await eventually(async () => {
      const answer = await call(app, 'GET', `/consumers/${user.consumerId}`);
      if (answer.status !== 200) throw new Error(`consumer not registered yet (${answer.status})`);
      return answer.body;
    });
    expect(consumer).toEqual({ consumerId: user.consumerId, name: user.name, email: user.email, status: 'ACTIVE', version: 1 });
    const [stored] = await new EventStore(app.dataSource).readStream(user.consumerId);
    expect(stored.metadata).toMatchObject({ causationId: eventId, correlationId: `corr-${user.userId}` });
    await eventually(() => {
      const published = app.published.find((m) => m.aggregateId === user.consumerId && m.subject === `${app.subjectPrefix}${consumerRegisteredV1.subject}`);
      if (!published) throw new Error('consumers.consumer.registered.v1 not published yet');
      expect(consumerRegisteredV1.parse(published.payload)).toEqual({ consumerId: user.consumerId, name: user.name, email: user.email });
    });
  });

  it('registers the Consumer once, whether the event is redelivered or announced again', async () => {
    const user = aSignUp();
    const eventId = await publishUserRegistered(user);
    await eventually(async () => expect((await call(app, 'GET', `/consumers/${user.consumerId}`)).status).toBe(200));

    await publishUserRegistered(user, eventId);
    await publishUserRegistered(user);

    await eventually(drained);
    expect((await new EventStore(app.dataSource).readStream(user.consumerId)).map((e) => e.type)).toEqual(['ConsumerRegistered']);
    expect((await call(app, 'GET', '/admin/dead-letters')).body.items.filter((m: { consumer: string }) => m.consumer === DURABLE)).toEqual([]);
  });

  it('handles staff, couriers and admins by registering nothing, and parks none of them', async () => {
    const staff = aStaffUserRegisteredV1({ userId: randomUUID() });
    const { restaurantId: _r, ...admin } = aStaffUserRegisteredV1({ userId: randomUUID(), role: 'admin' });
    const before = await app.storedEventCount();

    await publishUserRegistered(staff);
    await publishUserRegistered(admin);

    await eventually(drained);
    expect(await app.storedEventCount()).toBe(before);
    expect((await call(app, 'GET', '/admin/dead-letters')).body.items.filter((m: { consumer: string }) => m.consumer === DURABLE)).toEqual([]);
  });

  it('parks a registration that breaks its contract', async () => {
    const { consumerId: _c, ...broken } = aSignUp();

    const eventId = await publishUserRegistered(broken as UserRegisteredV1);

    const parked = await eventually(
      async () => {
        const item = (await call(app, 'GET', '/admin/dead-letters')).body.items.find((m: { eventId: string | null }) => m.eventId === eventId);
        if (!item) throw new Error(`event ${eventId} not parked yet`);
        return item;
      },
      { timeoutMs: 30_000 },
    );
    expect(parked).toMatchObject({ consumer: DURABLE, error: expect.stringMatching(/consumerId/) });
  });
});
