// NATS with JetStream for `npm start` / `npm test`: the one at NATS_URL when it answers; otherwise
// a local `nats-server -js` (store in tmp/nats, kept between runs); otherwise the official NATS
// image when a Docker engine answers; otherwise a clear error saying how to install nats-server.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { connect } from '@nats-io/transport-node';
import { choosePort, findExecutable, isAlive, stopChild, waitUntilReady } from './processes.mjs';

export const DEFAULT_NATS_URL = 'nats://127.0.0.1:4222';
const NATS_IMAGE = 'nats:2.10';

/** Resolves to { url, embedded, stop() }; stop() only stops what was started here. */
export async function ensureNats({ root, log }) {
  const configured = process.env.NATS_URL || DEFAULT_NATS_URL;
  const found = await probe(configured);
  if (found === 'jetstream') {
    log(`NATS: using ${configured}`);
    return { url: configured, embedded: false, stop: async () => undefined };
  }
  if (found === 'no-jetstream') {
    throw new Error(`NATS at ${configured} runs without JetStream: restart it with -js (JetStream), or point NATS_URL elsewhere.`);
  }
  const binary = findExecutable('nats-server');
  if (binary) {
    log(`NATS: nothing answers at ${configured}; falling back to a local ${binary} -js (store in tmp/nats)`);
    return startLocalServer(root, binary, log);
  }
  if (dockerEngineAnswers()) {
    log(`NATS: nothing answers at ${configured} and nats-server is not installed; running the ${NATS_IMAGE} image in Docker`);
    return startContainer(log);
  }
  throw new Error(
    [
      `NATS: nothing answers at ${configured}, nats-server is not on PATH and no Docker engine answers.`,
      'Install nats-server (v2.9 or later), then run this again:',
      '  Debian/Ubuntu: sudo apt-get install nats-server',
      '  macOS:         brew install nats-server',
      '  other:         https://github.com/nats-io/nats-server/releases (put nats-server on PATH)',
      'or set NATS_URL to a NATS server started with JetStream (-js).',
    ].join('\n'),
  );
}

/** 'jetstream' | 'no-jetstream' | 'unreachable' */
async function probe(url) {
  try {
    const nc = await connect({ servers: url, timeout: 2_000, reconnect: false });
    const jetstream = Boolean(nc.info?.jetstream);
    await nc.close();
    return jetstream ? 'jetstream' : 'no-jetstream';
  } catch {
    return 'unreachable';
  }
}

async function startLocalServer(root, binary, log) {
  const dir = join(root, 'tmp', 'nats');
  const ownerFile = join(dir, 'server.json'); // pid and port of the server using this store
  const logFile = join(dir, 'nats-server.log');
  mkdirSync(dir, { recursive: true });

  // Two servers must never share one store: reuse the one an earlier, still-alive run started.
  if (existsSync(ownerFile)) {
    const { pid, port } = JSON.parse(readFileSync(ownerFile, 'utf8'));
    const url = `nats://127.0.0.1:${port}`;
    if (isAlive(pid) && (await probe(url)) === 'jetstream') {
      log(`NATS: reusing the local server already running on port ${port}`);
      return { url, embedded: true, stop: async () => undefined };
    }
  }

  const port = await choosePort(4222);
  const url = `nats://127.0.0.1:${port}`;
  const logFd = openSync(logFile, 'a');
  const child = spawn(binary, ['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', dir], {
    stdio: ['ignore', logFd, logFd],
    detached: true, // Ctrl-C goes to the apps first; the broker is stopped after them
  });
  closeSync(logFd);
  writeFileSync(ownerFile, JSON.stringify({ pid: child.pid, port }));
  const stopOnExit = () => child.kill('SIGTERM');
  process.once('exit', stopOnExit);
  await waitUntilReady({ what: 'nats-server', probe: async () => (await probe(url)) === 'jetstream', child, logFile, timeoutMs: 30_000 });
  log(`NATS: local server ready at ${url} (log: tmp/nats/nats-server.log)`);
  return {
    url,
    embedded: true,
    stop: async () => {
      process.removeListener('exit', stopOnExit);
      await stopChild(child, 'SIGTERM');
      rmSync(ownerFile, { force: true });
    },
  };
}

function dockerEngineAnswers() {
  return findExecutable('docker') !== null && spawnSync('docker', ['info'], { stdio: 'ignore', timeout: 15_000 }).status === 0;
}

async function startContainer(log) {
  const port = await choosePort(4222);
  const name = `brigade-nats-${port}`;
  // --rm: the container (and its JetStream store) goes when stopped, like a test fixture.
  const run = spawnSync('docker', ['run', '--detach', '--rm', '--name', name, '--publish', `127.0.0.1:${port}:4222`, NATS_IMAGE, '-js'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (run.status !== 0) throw new Error(`docker run ${NATS_IMAGE} failed (exit ${run.status})`);
  const remove = () => spawnSync('docker', ['rm', '--force', name], { stdio: 'ignore' });
  process.once('exit', remove);
  const url = `nats://127.0.0.1:${port}`;
  await waitUntilReady({ what: `the ${NATS_IMAGE} container`, probe: async () => (await probe(url)) === 'jetstream', timeoutMs: 60_000 });
  log(`NATS: container ${name} ready at ${url}`);
  return {
    url,
    embedded: true,
    stop: async () => {
      process.removeListener('exit', remove);
      remove();
    },
  };
}
