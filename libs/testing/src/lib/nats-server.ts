import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';
import { answersWith, findExecutable } from './local-server';
import { ManagedProcess } from './managed-process';

export interface NatsServer {
  readonly url: string;
  readonly port: number;
  /** Graceful shutdown (SIGTERM); resolves once the process has exited. */
  stop(): Promise<void>;
  /** (Re)starts on the same port and store directory, so JetStream data survives. */
  start(): Promise<void>;
  /** Crash (SIGKILL), e.g. to test recovery from an outage. */
  kill(): void;
}

/**
 * A NATS server with JetStream of the test's own, on a spare port with a fresh store directory,
 * for tests that take the broker away (outages, restarts) without disturbing other test files.
 */
export async function startNatsServer(): Promise<NatsServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'brigade-nats-'));
  const storeDir = join(dir, 'store');
  mkdirSync(storeDir);
  const server = new ManagedProcess({
    command: findExecutable('nats-server', 'e.g. `apt-get install nats-server` or `brew install nats-server`'),
    args: ['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', storeDir],
    logFile: join(dir, 'nats-server.log'),
    exitSignal: 'SIGKILL',
    scratchDir: dir,
  });
  // NATS greets every client with an INFO line once it accepts connections.
  const start = () => server.start(() => answersWith(port, 'INFO'), 15_000);
  await start();
  return {
    url: `nats://127.0.0.1:${port}`,
    port,
    start,
    stop: () => server.stop('SIGTERM'),
    kill: () => server.kill(),
  };
}
