import { accessSync, constants, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** True when nothing listens on 127.0.0.1:<port> (so a server of ours may take it). */
export function isPortFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** `preferred` when free, otherwise a port the kernel hands out. */
export async function choosePort(preferred) {
  if (await isPortFree(preferred)) return preferred;
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Path of an executable found on PATH (plus the sbin folders, where Debian puts servers), or null. */
export function findExecutable(name) {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/local/sbin', '/usr/sbin', '/usr/local/bin', '/usr/bin'];
  for (const dir of dirs.filter(Boolean)) {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {
      // not here
    }
  }
  return null;
}

export function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/**
 * Polls `probe` until it answers true; fails early when the watched child process exits,
 * quoting the end of its log.
 */
export async function waitUntilReady({ what, probe, child, logFile, timeoutMs = 60_000 }) {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe().catch(() => false))) {
    if (child && child.exitCode !== null) throw new Error(`${what} exited during start-up (code ${child.exitCode})\n${logTail(logFile)}`);
    if (child && child.signalCode) throw new Error(`${what} was killed during start-up (${child.signalCode})\n${logTail(logFile)}`);
    if (Date.now() > deadline) throw new Error(`${what} did not become ready within ${timeoutMs / 1000} s\n${logTail(logFile)}`);
    await sleep(200);
  }
}

/** Sends `signal` and waits for the exit; SIGKILL after `timeoutMs`. */
export async function stopChild(child, signal, timeoutMs = 15_000) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  await exited;
  clearTimeout(timer);
}

export function logTail(logFile, lines = 20) {
  if (!logFile) return '';
  try {
    return readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}
