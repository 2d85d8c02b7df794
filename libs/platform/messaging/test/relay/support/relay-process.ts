// A relay in a process of its own, so a test can crash it (SIGKILL) mid-batch. Configured by env:
// DATABASE_URL, NATS_URL, SUBJECT_PREFIX, PARENT_PID; SIGTERM stops it gracefully.
import { OutboxRelay, connectNats } from '../../../src';
import { LEDGER, mapLedgerEvent } from './ledger-events';
import { openLedgerDatabase } from './ledger-database';

async function main(): Promise<void> {
  const env = (name: string): string => process.env[name] ?? fail(`${name} is not set`);
  const dataSource = await openLedgerDatabase(env('DATABASE_URL'));
  const nc = await connectNats({ servers: env('NATS_URL'), name: 'ledger-relay', reconnectTimeWaitMs: 200 });
  const relay = new OutboxRelay(dataSource, nc, {
    context: LEDGER,
    namespace: { subjectPrefix: process.env.SUBJECT_PREFIX ?? '' },
    mapEvent: mapLedgerEvent,
    publishTimeoutMs: 2_000,
    retryMaxMs: 1_000,
    safetyPollMs: 500,
    // A tiny duplicate window: exactly-once must hold without JetStream's deduplication.
    stream: { duplicateWindowMs: Number(process.env.DUPLICATE_WINDOW_MS ?? 600_000) },
  });
  await relay.start();
  setInterval(() => {
    const { publishedCount, streamSequence, consecutiveFailures } = relay.status;
    console.log(JSON.stringify({ time: new Date().toISOString(), pid: process.pid, publishedCount, streamSequence, consecutiveFailures }));
  }, 250).unref();
  const shutdown = async (): Promise<void> => {
    await relay.stop();
    await nc.close();
    await dataSource.destroy();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown());
  // An orphan (test process gone without cleaning up) must not live on.
  const parent = Number(env('PARENT_PID'));
  setInterval(() => {
    try {
      process.kill(parent, 0);
    } catch {
      process.exit(1);
    }
  }, 1_000).unref();
}

function fail(message: string): never {
  throw new Error(message);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
