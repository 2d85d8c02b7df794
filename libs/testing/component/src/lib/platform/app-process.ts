import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The workspace root (where nx.json is), wherever this file is compiled or run from. */
function workspaceRoot(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`No nx.json above ${__dirname}`);
  }
}

const ROOT = workspaceRoot();
/** Enough of each app's output to explain a failed start without flooding the report. */
const MAX_LOG_LINES = 200;

/** One app of the platform, running as `node scripts/run-ts.mjs apps/<app>/src/main.ts`. */
export class AppProcess {
  readonly baseUrl: string;
  /** Sent with every call(app, ...): the platform sets an admin's bearer token once identity answers. */
  headers: Readonly<Record<string, string>> = {};
  private readonly child: ChildProcess;
  private readonly output: string[] = [];

  constructor(
    readonly app: string,
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {
    this.baseUrl = `http://127.0.0.1:${port}`;
    // detached: a process group of its own, so stop() also kills what run-ts.mjs spawned.
    this.child = spawn(process.execPath, [join('scripts', 'run-ts.mjs'), join('apps', app, 'src', 'main.ts')], {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env, PORT: String(port) },
    });
    for (const stream of [this.child.stdout, this.child.stderr]) stream?.on('data', (chunk: Buffer) => this.remember(chunk.toString()));
  }

  /** The launcher's process id (also its process group's): tells one incarnation of an app from the next. */
  get pid(): number | undefined {
    return this.child.pid;
  }

  get exited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  /** The signal that ended the process (e.g. 'SIGKILL'), null while it runs or when it exited by itself. */
  get exitSignal(): NodeJS.Signals | null {
    return this.child.signalCode;
  }

  /** A new incarnation of this app: same env (database, NATS prefix, settings) and port, started now. */
  respawn(): AppProcess {
    const next = new AppProcess(this.app, this.port, this.env);
    next.headers = this.headers;
    return next;
  }

  /** What the app wrote on stdout and stderr (the last lines), for failure reports. */
  log(): string {
    return this.output.join('\n');
  }

  async waitUntilHealthy(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.exited) throw new Error(`${this.app} exited during start-up (${this.child.signalCode ?? `code ${this.child.exitCode}`})`);
      const status = await fetch(`${this.baseUrl}/health`, { signal: AbortSignal.timeout(2_000) }).then(
        (response) => response.status,
        () => 0,
      );
      if (status === 200) return;
      if (Date.now() > deadline) throw new Error(`${this.app} did not answer GET /health with 200 within ${timeoutMs / 1000} s (last: ${status || 'no answer'})`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  /** SIGKILL to the whole group: the test owns no state in the process worth a graceful stop. */
  async kill(): Promise<void> {
    if (this.exited || this.child.pid === undefined) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    try {
      process.kill(-this.child.pid, 'SIGKILL');
    } catch {
      return; // the group is already gone
    }
    await exited;
  }

  private remember(text: string): void {
    this.output.push(...text.trimEnd().split('\n'));
    if (this.output.length > MAX_LOG_LINES) this.output.splice(0, this.output.length - MAX_LOG_LINES);
  }
}

// Ports for the apps: drawn where no outgoing connection can take them in between (see freePort).
export { freePort } from '@brigade/testing';
