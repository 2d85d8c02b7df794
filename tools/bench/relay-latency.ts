/**
 * The relay's latency from an append's commit to the message being read from JetStream, and the
 * event-store databases the benchmarks measure on. Shared so that every benchmark reporting
 * `relay_p50_ms` measures it the same way.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { jetstream } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { EventMetadata, EventStore, eventStoreMigrations } from '@brigade/event-store';
import { OutboxRelay, connectNats, contextStreamName, ensureContextStream, jetStreamClients, relayMigrations } from '@brigade/messaging';
import { createTestDatabase, natsUrl, testNamespace } from '@brigade/testing';
import { percentile } from './measure';

export const benchMetadata: EventMetadata = {
  correlationId: randomUUID(),
  causationId: null,
  actor: { id: 'bench', role: 'system' },
  occurredAt: new Date().toISOString(),
};
export const benchPayload = { orderId: randomUUID(), lineItems: [{ menuItemId: randomUUID(), quantity: 2, priceCents: 1250 }], orderTotalCents: 2500 };

const toStderr = (message: object) => process.stderr.write(`${JSON.stringify(message)}\n`);
export const stderrLogger = { log: toStderr, warn: toStderr, error: toStderr };

export async function openDatabase(label: string) {
  const db = await createTestDatabase(label);
  const dataSource = new DataSource({
    type: 'postgres',
    url: db.url,
    migrations: [...eventStoreMigrations, ...relayMigrations],
    extra: { max: 10 },
  });
  await dataSource.initialize();
  await dataSource.runMigrations();
  return {
    dataSource,
    close: async () => {
      await dataSource.destroy();
      await db.drop();
    },
  };
}

/**
 * `samples` appends at ~200/s, each timed from its commit to a consumer reading it from JetStream;
 * on the shared test NATS, or on the one `connect` opens (the saga benchmark's platform has its own).
 */
export async function measureRelayLatency(samples: number, connect: () => Promise<NatsConnection> = () => connectNats({ servers: natsUrl(), name: 'bench' })) {
  const { dataSource, close } = await openDatabase('bench_relay');
  const ns = testNamespace();
  const nc = await connect();
  const { jsm } = await jetStreamClients(nc);
  await ensureContextStream(jsm, ns, 'bench');
  const store = new EventStore(dataSource);
  const relay = new OutboxRelay(dataSource, nc, {
    context: 'bench',
    namespace: ns,
    mapEvent: (e) => ({ subject: 'bench.item.benchmarked.v1', payload: e.data }),
    logger: stderrLogger, // stdout carries only the report
  });
  await relay.start();

  const received = new Map<string, number>();
  const consumer = await jetstream(nc).consumers.get(contextStreamName(ns, 'bench'));
  const messages = await consumer.consume();
  void (async () => {
    for await (const m of messages) received.set(m.headers?.get('Nats-Msg-Id') ?? '', performance.now());
  })();

  const committedAt = new Map<string, number>();
  for (let i = 0; i < samples; i++) {
    const eventId = randomUUID();
    await store.append(`bench-${randomUUID()}`, 'bench', [{ eventId, type: 'Benchmarked', data: benchPayload }], 0, benchMetadata);
    committedAt.set(eventId, performance.now());
    await sleep(4); // ~200 events/s: latency, not throughput
  }
  const deadline = Date.now() + 10_000;
  while (received.size < samples && Date.now() < deadline) await sleep(10);
  const latencies = [...committedAt].filter(([id]) => received.has(id)).map(([id, at]) => (received.get(id) as number) - at);

  messages.stop();
  await relay.stop();
  await nc.close();
  await close();
  if (latencies.length < samples) throw new Error(`Only ${latencies.length} of ${samples} events reached JetStream`);
  return { relay_p50_ms: percentile(latencies, 50), relay_p99_ms: percentile(latencies, 99) };
}
