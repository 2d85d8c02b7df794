import { randomUUID } from 'node:crypto';
import { EventMetadata, EventStore, eventStoreMigrations } from '@brigade/event-store';
import { NatsConnection } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import { AppNatsAccess, JetStreamServer, NATS_ACCESS, NatsApp, Namespace, OutboxRelay, inboxMigrations, relayMigrations } from '../../../src';

/** The probe event each publishing context's relay publishes, and every durable on that context receives. */
export const probeSubject = (context: string) => `${context}.probe.published.v1`;

const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };

/** Event store, relay checkpoints and inbox of every probe in one database (each relay maps only its context's events). */
export async function openProbeDatabase(url: string): Promise<DataSource> {
  const dataSource = new DataSource({ type: 'postgres', url, migrations: [...eventStoreMigrations, ...relayMigrations, ...inboxMigrations], extra: { max: 20 } });
  await dataSource.initialize();
  await dataSource.runMigrations();
  return dataSource;
}

/** The app's relay, as its RelayModule runs it, publishing the probe events of its context. */
export function probeRelay(dataSource: DataSource, nc: NatsConnection, ns: Namespace, context: string): OutboxRelay {
  return new OutboxRelay(dataSource, nc, {
    context,
    namespace: ns,
    mapEvent: (event) => (event.streamType === context ? { subject: probeSubject(context), payload: { context } } : null),
    logger: quiet,
  });
}

export async function appendProbeEvent(dataSource: DataSource, context: string): Promise<void> {
  const metadata: EventMetadata = { correlationId: randomUUID(), causationId: null, actor: { id: 'probe', role: 'system' }, occurredAt: new Date().toISOString() };
  await new EventStore(dataSource).append(`${context}-${randomUUID()}`, context, [{ type: 'ProbePublished', data: { context } }], 0, metadata);
}

/**
 * The app's consumers, as its MessagingConsumerModule runs them: one durable per handler declared
 * in nats-access.ts, each listening to the probe of the context it consumes. Answers the server
 * and the `<durable> <- <context>` deliveries it saw.
 */
export async function probeConsumers(app: NatsApp, dataSource: DataSource, nc: NatsConnection, ns: Namespace): Promise<{ server: JetStreamServer; received: Set<string> }> {
  const received = new Set<string>();
  const server = new JetStreamServer({ app, namespace: ns, dataSource, connection: nc, retry: { attempts: 1, initialDelayMs: 10, maxDelayMs: 10 } });
  const consumes: AppNatsAccess['consumes'] = NATS_ACCESS[app].consumes;
  for (const [context, handlers] of Object.entries(consumes)) {
    for (const handler of handlers) {
      server.addHandler(probeSubject(context), async () => void received.add(`${app}--${handler} <- ${context}`), true, { handler });
    }
  }
  await new Promise<void>((resolve, reject) => server.listen((error) => (error ? reject(error) : resolve())));
  return { server, received };
}
