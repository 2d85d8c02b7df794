import { ChildProcess, spawn } from 'node:child_process';
import { appendFileSync, openSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..', '..', '..', '..');
const ENTRY = join(__dirname, 'relay-process.ts');

/**
 * The relay as a child process (`node scripts/run-ts.mjs`). It runs in a process group of its
 * own so that crash() kills the launcher and the relay behind it alike: SIGKILL cannot be
 * forwarded, so signalling the launcher alone would leave the relay running.
 */
export class RelayChild {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();

  constructor(
    private readonly env: Record<string, string>,
    private readonly logFile: string,
  ) {}

  start(): void {
    if (this.child) throw new Error('relay child already running');
    this.note('start');
    const log = openSync(this.logFile, 'a');
    const child = spawn(process.execPath, [join(ROOT, 'scripts', 'run-ts.mjs'), ENTRY], {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', log, log],
      env: { ...process.env, ...this.env, PARENT_PID: String(process.pid) },
    });
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    this.child = child;
  }

  /** SIGKILL to the whole group: no graceful anything. */
  async crash(): Promise<void> {
    await this.signal('SIGKILL');
  }

  /** SIGTERM: the relay finishes its batch and exits. */
  async stop(): Promise<void> {
    await this.signal('SIGTERM');
  }

  /** The test's own actions go into the relay's log, so a failure reads as one timeline. */
  private note(action: string): void {
    appendFileSync(this.logFile, `${JSON.stringify({ time: new Date().toISOString(), test: action })}\n`);
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child?.pid) return;
    this.note(signal);
    try {
      process.kill(signal === 'SIGKILL' ? -child.pid : child.pid, signal);
    } catch {
      // already gone
    }
    await this.exited;
    this.child = null;
  }
}
