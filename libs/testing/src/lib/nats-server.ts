import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';
import { answersWith, findExecutable } from './local-server';
import { ManagedProcess } from './managed-process';

export interface NatsServer {
  readonly url: string;
  readonly port: number;
  /** What the server logged, e.g. its permission violations. */
  log(): string;
  /** Graceful shutdown (SIGTERM); resolves once the process has exited. */
  stop(): Promise<void>;
  /** (Re)starts on the same port and store directory, so JetStream data survives. */
  start(): Promise<void>;
  /** Crash (SIGKILL), e.g. to test recovery from an outage. */
  kill(): void;
}

export interface NatsServerOptions {
  /**
   * A configuration file's text (e.g. the generated users and permissions, nats-server-config.ts);
   * the command line still sets the port, JetStream and the store.
   */
  readonly config?: string;
}

/**
 * A NATS server with JetStream of the test's own, on a spare port with a fresh store directory,
 * for tests that take the broker away (outages, restarts) or run it with users and permissions,
 * without disturbing other test files.
 */
export async function startNatsServer(options: NatsServerOptions = {}): Promise<NatsServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'brigade-nats-'));
  const storeDir = join(dir, 'store');
  mkdirSync(storeDir);
  const configArgs: string[] = [];
  if (options.config !== undefined) {
    const configFile = join(dir, 'nats-server.conf');
    writeFileSync(configFile, options.config, { mode: 0o600 }); // it may hold passwords
    configArgs.push('-c', configFile);
  }
  const logFile = join(dir, 'nats-server.log');
  const server = new ManagedProcess({
    command: findExecutable('nats-server', 'e.g. `apt-get install nats-server` or `brew install nats-server`'),
    args: [...configArgs, '-js', '-a', '127.0.0.1', '-p', String(port), '-sd', storeDir],
    logFile,
    exitSignal: 'SIGKILL',
    scratchDir: dir,
  });
  // NATS greets every client with an INFO line once it accepts connections.
  const start = () => server.start(() => answersWith(port, 'INFO'), 15_000);
  await start();
  return {
    url: `nats://127.0.0.1:${port}`,
    port,
    log: () => readLog(logFile),
    start,
    stop: () => server.stop('SIGTERM'),
    kill: () => server.kill(),
  };
}

function readLog(logFile: string): string {
  try {
    return readFileSync(logFile, 'utf8');
  } catch {
    return '';
  }
}
