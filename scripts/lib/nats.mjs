// NATS with JetStream for `npm start` / `npm test`: the one at NATS_URL when it answers (with the
// NATS_USER / NATS_PASSWORD of the environment, if any: then nothing else changes); otherwise a local
// `nats-server -js`; otherwise the official NATS image when a Docker engine answers; otherwise a clear
// error saying how to install nats-server.
// With `users: true` (npm start, nx serve) a server started here runs with the users and permissions
// generated from libs/platform/messaging/src/lib/security/nats-access.ts: random passwords kept in
// tmp/nats/credentials.json (reused on every run), each app given its own user. `npm test` starts an
// open one (tmp/nats-test): the tests run on their own subject prefixes, or on servers of their own.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { connect } from '@nats-io/transport-node';
import { choosePort, findExecutable, isAlive, stopChild, waitUntilReady } from './processes.mjs';

export const DEFAULT_NATS_URL = 'nats://127.0.0.1:4222';
const NATS_IMAGE = 'nats:2.10';
const CONFIG_WRITER = join('libs', 'platform', 'messaging', 'src', 'cli', 'write-nats-config.ts');
const OPERATOR = 'operator';

/**
 * Resolves to { url, embedded, stop(), envFor(app), credentialsFile }; stop() only stops what was
 * started here. envFor(app) is what the app needs in its environment to connect (NATS_URL, and its
 * NATS_USER / NATS_PASSWORD when the server has users).
 */
export async function ensureNats({ root, log, users = false }) {
  const configured = process.env.NATS_URL || DEFAULT_NATS_URL;
  const found = await probe(configured, credentialsOfEnvironment());
  if (found === 'jetstream') {
    log(`NATS: using ${configured}`);
    return handle(configured, { embedded: false });
  }
  if (found === 'no-jetstream') {
    throw new Error(`NATS at ${configured} runs without JetStream: restart it with -js (JetStream), or point NATS_URL elsewhere.`);
  }
  const why = found === 'auth-required' ? `${configured} refuses to connect without (other) credentials` : `nothing answers at ${configured}`;
  const dir = join(root, 'tmp', users ? 'nats' : 'nats-test');
  const binary = findExecutable('nats-server');
  if (binary) {
    log(`NATS: ${why}; falling back to a local ${binary} -js (store in ${relative(root, dir)}${users ? ', a user per app' : ''})`);
    return startLocalServer(root, dir, binary, log, users);
  }
  if (dockerEngineAnswers()) {
    log(`NATS: ${why} and nats-server is not installed; running the ${NATS_IMAGE} image in Docker${users ? ' (a user per app)' : ''}`);
    return startContainer(root, dir, log, users);
  }
  throw new Error(
    [
      `NATS: ${why}, nats-server is not on PATH and no Docker engine answers.`,
      'Install nats-server (v2.9 or later), then run this again:',
      '  Debian/Ubuntu: sudo apt-get install nats-server',
      '  macOS:         brew install nats-server',
      '  other:         https://github.com/nats-io/nats-server/releases (put nats-server on PATH)',
      'or set NATS_URL to a NATS server started with JetStream (-js).',
    ].join('\n'),
  );
}

/** 'jetstream' | 'no-jetstream' | 'auth-required' | 'unreachable' */
async function probe(url, credentials) {
  try {
    const nc = await connect({ servers: url, timeout: 2_000, reconnect: false, ...(credentials && { user: credentials.user, pass: credentials.password }) });
    const jetstream = Boolean(nc.info?.jetstream);
    await nc.close();
    return jetstream ? 'jetstream' : 'no-jetstream';
  } catch (error) {
    return /authorization violation/i.test(String(error?.message)) ? 'auth-required' : 'unreachable';
  }
}

function credentialsOfEnvironment() {
  const { NATS_USER: user, NATS_PASSWORD: password } = process.env;
  return user && password ? { user, password } : undefined;
}

/** `credentials`: user → password when the server has users (each app gets its own; others none). */
function handle(url, { embedded, stop = async () => undefined, credentials = null, credentialsFile = null }) {
  return {
    url,
    embedded,
    stop,
    credentialsFile,
    envFor: (app) => ({ NATS_URL: url, ...(credentials?.[app] && { NATS_USER: app, NATS_PASSWORD: credentials[app] }) }),
  };
}

/**
 * Writes (or rewrites: nats-access.ts may have changed) tmp/nats/nats-auth.conf with the generator
 * the e2e platform and compose use, keeping the passwords of earlier runs; answers the passwords.
 */
function writeUsers(root, dir) {
  const run = spawnSync(process.execPath, [join(root, 'scripts', 'run-ts.mjs'), CONFIG_WRITER, 'local', dir], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (run.status !== 0) throw new Error(`could not write the NATS users and permissions (${CONFIG_WRITER} exited with ${run.status})`);
  return {
    /** The users only (the container's store is its own). */
    authConfigFile: join(dir, 'nats-auth.conf'),
    /** The users and JetStream with its store in `dir`: a reload (SIGHUP) keeps JetStream on. */
    serverConfigFile: join(dir, 'nats-server.conf'),
    credentialsFile: join(dir, 'credentials.json'),
    credentials: JSON.parse(readFileSync(join(dir, 'credentials.json'), 'utf8')),
  };
}

async function startLocalServer(root, dir, binary, log, users) {
  const ownerFile = join(dir, 'server.json'); // pid, port and mode of the server using this store
  const logFile = join(dir, 'nats-server.log');
  mkdirSync(dir, { recursive: true });
  const secured = users ? writeUsers(root, dir) : null;
  const operator = secured && { user: OPERATOR, password: secured.credentials[OPERATOR] };
  const started = secured ? { credentials: secured.credentials, credentialsFile: relative(root, secured.credentialsFile) } : {};

  // Two servers must never share one store: reuse the one an earlier, still-alive run started.
  if (existsSync(ownerFile)) {
    const owner = JSON.parse(readFileSync(ownerFile, 'utf8'));
    const url = `nats://127.0.0.1:${owner.port}`;
    let answer = isAlive(owner.pid) ? await probe(url, operator) : 'unreachable';
    const stopIt = () => new Error(`NATS: the nats-server of an earlier run (pid ${owner.pid}, ${url}) still uses ${relative(root, dir)}${owner.users ? ' with users' : ''}; stop it (kill ${owner.pid}) and run this again.`);
    if (answer !== 'unreachable' && Boolean(owner.users) !== users) throw stopIt();
    if (users && answer !== 'unreachable') {
      // A NATS server of ours answers there: it reloads nats-server.conf, rewritten above (users added, passwords changed).
      process.kill(owner.pid, 'SIGHUP');
      await waitUntilReady({ what: 'the reloaded nats-server', probe: async () => (answer = await probe(url, operator)) === 'jetstream', timeoutMs: 5_000 }).catch(() => undefined);
    }
    if (answer === 'jetstream') {
      log(`NATS: reusing the local server already running on port ${owner.port}`);
      return handle(url, { embedded: true, ...started });
    }
    if (answer !== 'unreachable') throw stopIt();
  }

  const port = await choosePort(4222);
  const url = `nats://127.0.0.1:${port}`;
  const logFd = openSync(logFile, 'a');
  const storeArgs = secured ? ['-c', secured.serverConfigFile] : ['-js', '-sd', dir];
  const child = spawn(binary, [...storeArgs, '-a', '127.0.0.1', '-p', String(port)], {
    stdio: ['ignore', logFd, logFd],
    detached: true, // Ctrl-C goes to the apps first; the broker is stopped after them
  });
  closeSync(logFd);
  writeFileSync(ownerFile, JSON.stringify({ pid: child.pid, port, users }));
  const stopOnExit = () => child.kill('SIGTERM');
  process.once('exit', stopOnExit);
  await waitUntilReady({ what: 'nats-server', probe: async () => (await probe(url, operator)) === 'jetstream', child, logFile, timeoutMs: 30_000 });
  log(`NATS: local server ready at ${url} (log: ${relative(root, logFile)}${secured ? `; users and passwords: ${relative(root, secured.credentialsFile)}` : ''})`);
  return handle(url, {
    embedded: true,
    ...started,
    stop: async () => {
      process.removeListener('exit', stopOnExit);
      await stopChild(child, 'SIGTERM');
      rmSync(ownerFile, { force: true });
    },
  });
}

function dockerEngineAnswers() {
  return findExecutable('docker') !== null && spawnSync('docker', ['info'], { stdio: 'ignore', timeout: 15_000 }).status === 0;
}

async function startContainer(root, dir, log, users) {
  const port = await choosePort(4222);
  const name = `brigade-nats-${port}`;
  mkdirSync(dir, { recursive: true });
  const secured = users ? writeUsers(root, dir) : null;
  const operator = secured && { user: OPERATOR, password: secured.credentials[OPERATOR] };
  const config = secured ? ['--volume', `${secured.authConfigFile}:/etc/nats/nats-auth.conf:ro`] : [];
  const args = secured ? ['-c', '/etc/nats/nats-auth.conf', '-js'] : ['-js'];
  // --rm: the container (and its JetStream store) goes when stopped, like a test fixture.
  const run = spawnSync('docker', ['run', '--detach', '--rm', '--name', name, '--publish', `127.0.0.1:${port}:4222`, ...config, NATS_IMAGE, ...args], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (run.status !== 0) throw new Error(`docker run ${NATS_IMAGE} failed (exit ${run.status})`);
  const remove = () => spawnSync('docker', ['rm', '--force', name], { stdio: 'ignore' });
  process.once('exit', remove);
  const url = `nats://127.0.0.1:${port}`;
  await waitUntilReady({ what: `the ${NATS_IMAGE} container`, probe: async () => (await probe(url, operator)) === 'jetstream', timeoutMs: 60_000 });
  log(`NATS: container ${name} ready at ${url}${secured ? ` (users and passwords: ${relative(root, secured.credentialsFile)})` : ''}`);
  return handle(url, {
    embedded: true,
    ...(secured ? { credentials: secured.credentials, credentialsFile: relative(root, secured.credentialsFile) } : {}),
    stop: async () => {
      process.removeListener('exit', remove);
      remove();
    },
  });
}

function relative(root, path) {
  return path.startsWith(`${root}/`) ? path.slice(root.length + 1) : path;
}
