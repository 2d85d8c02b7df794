import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';
import { answersWith, findExecutable } from './local-server';
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
    command: findExecutable('redis-server', 'e.g. `apt-get install redis-server` or `brew install redis`'),
    args: [
      '--port', String(port), '--bind', '127.0.0.1', '--protected-mode', 'no',
      '--dir', dir, '--save', '', '--appendonly', 'yes', '--appendfsync', 'always',
    ],
    logFile: join(dir, 'redis-server.log'),
    exitSignal: 'SIGKILL',
    scratchDir: dir,
  });
  // Ready once PING answers PONG: while it loads its append-only file, Redis answers -LOADING.
  const start = () => server.start(() => answersWith(port, '+PONG', 'PING\r\n'), 15_000);
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    start,
    stop: () => server.stop('SIGTERM'),
    kill: () => server.kill(),
  };
}
