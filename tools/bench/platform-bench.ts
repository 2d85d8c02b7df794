/**
 * Platform benchmark (issue 2). Everything is measured in one run against the same PostgreSQL
 * and NATS, so the ratios compare like with like:
 *  - raw_insert_tps_N: plain single-row INSERT transactions from N concurrent clients (baseline);
 *  - append_tps_N: event-store appends, one event per command, expected-version check included;
 *  - relay_p50_ms / relay_p99_ms: from an append's commit to the message being read from JetStream.
 * Usage: npm run bench [-- --json] [--seconds 4] [--rounds 3] [--samples 1000]
 * (`npm run -s bench -- --json` leaves out npm's own banner: stdout is then the JSON object alone.)
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { EventStore } from '@brigade/event-store';
import { median, printTable, round, throughput } from './measure';
import { benchMetadata as metadata, benchPayload as payload, measureRelayLatency, openDatabase } from './relay-latency';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const SECONDS = option('seconds', 4);
const ROUNDS = option('rounds', 3);
const SAMPLES = option('samples', 1000);

async function measureWrites() {
  const { dataSource, close } = await openDatabase('bench_writes');
  await dataSource.query(
    `CREATE TABLE bench_raw (id uuid PRIMARY KEY, stream_id text NOT NULL, data jsonb NOT NULL, metadata jsonb NOT NULL,
       recorded_at timestamptz NOT NULL DEFAULT now())`,
  );
  const store = new EventStore(dataSource);
  const streams = new Map<number, { id: string; version: number }>();
  // The baseline goes straight to the pg pool, as the event store does: no ORM overhead to hide behind.
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  const rawInsert = () =>
    pool.query('INSERT INTO bench_raw (id, stream_id, data, metadata) VALUES ($1, $2, $3, $4)', [
      randomUUID(),
      'raw',
      JSON.stringify(payload),
      JSON.stringify(metadata),
    ]);
  const append = async (worker: number) => {
    let stream = streams.get(worker);
    if (!stream || stream.version >= 1000) streams.set(worker, (stream = { id: `bench-${randomUUID()}`, version: 0 }));
    const result = await store.append(stream.id, 'bench', [{ type: 'Benchmarked', data: payload }], stream.version, metadata);
    stream.version = result.streamVersion;
  };

  const results: Record<string, number[]> = {};
  const record = (key: string, value: number) => (results[key] ??= []).push(value);
  await throughput(4, 1, rawInsert); // warm-up
  await throughput(4, 1, append);
  for (let round = 0; round < ROUNDS; round++) {
    for (const n of [1, 8]) {
      record(`raw_insert_tps_${n}`, await throughput(n, SECONDS, rawInsert));
      record(`append_tps_${n}`, await throughput(n, SECONDS, append));
    }
  }
  await close();
  return Object.fromEntries(Object.entries(results).map(([k, v]) => [k, median(v)]));
}

async function main() {
  const writes = await measureWrites();
  const relay = await measureRelayLatency(SAMPLES);
  const report = {
    raw_insert_tps_1: round(writes['raw_insert_tps_1'], 0),
    raw_insert_tps_8: round(writes['raw_insert_tps_8'], 0),
    append_tps_1: round(writes['append_tps_1'], 0),
    append_tps_8: round(writes['append_tps_8'], 0),
    append_ratio_1: round(writes['append_tps_1'] / writes['raw_insert_tps_1'], 3),
    append_ratio_8: round(writes['append_tps_8'] / writes['raw_insert_tps_8'], 3),
    relay_p50_ms: round(relay.relay_p50_ms, 3),
    relay_p99_ms: round(relay.relay_p99_ms, 3),
  };
  if (args.includes('--json')) {
    console.log(JSON.stringify(report));
    return;
  }
  printTable(`Platform benchmark (${SECONDS}s per measurement, median of ${ROUNDS} rounds, ${SAMPLES} relay samples)`, report);
  printTable('Targets', { 'append_ratio_1 / _8': '>= 0.75', relay_p50_ms: '<= 2', relay_p99_ms: '<= 10' });
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
