import { accessSync, constants } from 'node:fs';
import { connect } from 'node:net';
import { delimiter, join } from 'node:path';

/**
 * A server binary on this machine: PATH first, then the sbin folders, which a non-root PATH often
 * lacks and where Debian installs some servers (nats-server). Throws with how to install it.
 */
export function findExecutable(name: string, installHint: string): string {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/local/sbin', '/usr/sbin'];
  for (const dir of dirs.filter(Boolean)) {
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  throw new Error(`${name} not found in PATH: install it (${installHint}).`);
}

/**
 * Whether a local server on `port` is ready: it connects, writes `send` (if any) and resolves
 * true when the first answer starts with `expect`; false on refusal, error or a 1 s silence.
 */
export function answersWith(port: number, expect: string, send?: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('error', () => done(false));
    if (send !== undefined) socket.once('connect', () => socket.write(send));
    socket.once('data', (chunk) => done(chunk.toString().startsWith(expect)));
  });
}
