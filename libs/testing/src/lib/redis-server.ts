import { accessSync, constants, mkdtempSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { freePort } from './free-port';
import { ManagedProcess } from './managed-process';

export interface RedisServer {
  readonly url: string;
  readonly port: number;
  /** Graceful shutdown (SIGTERM); resolves once the process has exited. */
  stop(): Promise<void>;
  /** (Re)starts on the same port and data directory: what was written before comes back. */
  start(): Promise<void>;
  /** Crash (SIGKILL), e.g. to test an outage without a goodbye. */
  kill(): void;
}

/**
 * A redis-server of the test's own, on a spare port with a fresh data directory, for tests that
 * take the cache away and bring it back. Every write is appended and fsync'd before it is answered,
 * so keys survive a stop, a kill and a restart, like a production Redis with persistence: a test
 * can check that entries written before an outage are not served once they may be stale.
 */
export async function startRedisServer(): Promise<RedisServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'brigade-redis-'));
  const server = new ManagedProcess({
    command: findRedisServer(),
    args: [
      '--port', String(port), '--bind', '127.0.0.1', '--protected-mode', 'no',
      '--dir', dir, '--save', '', '--appendonly', 'yes', '--appendfsync', 'always',
    ],
    logFile: join(dir, 'redis-server.log'),
    exitSignal: 'SIGKILL',
    scratchDir: dir,
  });
  const start = () => server.start(() => answersPing(port), 15_000);
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    start,
    stop: () => server.stop('SIGTERM'),
    kill: () => server.kill(),
  };
}

function findRedisServer(): string {
  // Debian installs redis-server in /usr/bin; sbin folders are listed in case a distribution differs.
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/local/sbin', '/usr/sbin'];
  for (const dir of dirs.filter(Boolean)) {
    const candidate = join(dir, 'redis-server');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  throw new Error('redis-server not found in PATH: install it (e.g. `apt-get install redis-server` or `brew install redis`).');
}

/** Ready once PING answers PONG: while it loads its append-only file, Redis answers -LOADING. */
function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (chunk) => done(chunk.toString().startsWith('+PONG')));
  });
}
