import { accessSync, constants, mkdirSync, mkdtempSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { freePort } from './free-port';
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
    command: findNatsServer(),
    args: ['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', storeDir],
    logFile: join(dir, 'nats-server.log'),
    exitSignal: 'SIGKILL',
    scratchDir: dir,
  });
  const start = () => server.start(() => acceptsConnections(port), 15_000);
  await start();
  return {
    url: `nats://127.0.0.1:${port}`,
    port,
    start,
    stop: () => server.stop('SIGTERM'),
    kill: () => server.kill(),
  };
}

function findNatsServer(): string {
  // sbin folders are often missing from a non-root PATH, and Debian installs nats-server there.
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/local/sbin', '/usr/sbin'];
  for (const dir of dirs.filter(Boolean)) {
    const candidate = join(dir, 'nats-server');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  throw new Error('nats-server not found in PATH: install it (e.g. `apt-get install nats-server` or `brew install nats-server`).');
}

/** NATS greets every client with an INFO line once it accepts connections. */
function acceptsConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('data', (chunk) => done(chunk.toString().startsWith('INFO')));
  });
}
