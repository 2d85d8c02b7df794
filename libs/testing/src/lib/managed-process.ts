import { ChildProcess, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ManagedProcessOptions {
  readonly command: string;
  readonly args: readonly string[];
  /** stdout and stderr go here, so test output stays clean and failures can quote it. */
  readonly logFile: string;
  /** Run as another OS user (PostgreSQL refuses to run as root). */
  readonly uid?: number;
  readonly gid?: number;
  /** Sent to the server when the test process goes away while it still runs. */
  readonly exitSignal: NodeJS.Signals;
  /** Removed once the test process has gone away and the server has exited. */
  readonly scratchDir: string;
}

/** What the guard reports: the server exited (with its code or signal), or could not be spawned. */
type GuardMessage = { type: 'exited'; code?: number | null; signal?: string | null; error?: string };

/**
 * A server process that can be started, stopped, killed and started again. It runs under a
 * guard process (process-guard.js) that shuts it down and removes its scratch directory when
 * the test process exits, however it exits: Jest's sandbox never runs a test file's exit hooks.
 */
export class ManagedProcess {
  private readonly guard: ChildProcess;
  /** The server instance currently alive (or dying), if any. */
  private instance: { exited: Promise<void>; markExited(detail: string): void; exitDetail: string | null; dying: boolean } | null = null;

  constructor(private readonly options: ManagedProcessOptions) {
    const { command, args, logFile, uid, gid, exitSignal, scratchDir } = options;
    const config = JSON.stringify({ command, args, logFile, uid, gid, exitSignal, cleanupDir: scratchDir });
    this.guard = fork(join(__dirname, 'process-guard.js'), [config], {
      detached: true, // Ctrl-C in a terminal must not reach the server behind the test's back
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      execArgv: [],
    });
    this.guard.on('message', (message: GuardMessage) => {
      if (!this.instance) return;
      this.instance.markExited(JSON.stringify(message));
      this.instance = null;
    });
    this.holdEventLoop(false);
  }

  /** Starts the process (unless it runs) and resolves once `isReady` answers true. */
  async start(isReady: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
    if (this.instance && !this.instance.dying) return;
    await this.whileHoldingEventLoop(async () => {
      await this.instance?.exited; // a killed predecessor must be gone before its port and files are reused
      const instance = this.newInstance();
      this.guard.send({ type: 'start' });
      const deadline = Date.now() + timeoutMs;
      while (!(await isReady().catch(() => false))) {
        if (instance.exitDetail) {
          throw new Error(`${this.options.command} exited during start-up (${instance.exitDetail})\n${this.logTail()}`);
        }
        if (Date.now() > deadline) {
          this.kill();
          throw new Error(`${this.options.command} was not ready after ${timeoutMs} ms\n${this.logTail()}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    });
  }

  /** Asks the process to shut down and waits for its exit; SIGKILL if that takes too long. */
  async stop(signal: NodeJS.Signals, timeoutMs = 15_000): Promise<void> {
    const instance = this.instance;
    if (!instance) return;
    await this.whileHoldingEventLoop(async () => {
      this.send(signal);
      const timer = setTimeout(() => this.send('SIGKILL'), timeoutMs);
      await instance.exited;
      clearTimeout(timer);
    });
  }

  /** Crashes the process (SIGKILL, no graceful shutdown); a following start() waits until it is gone. */
  kill(): void {
    if (!this.instance) return;
    this.instance.dying = true;
    this.send('SIGKILL');
  }

  private newInstance(): NonNullable<ManagedProcess['instance']> {
    let resolve: () => void = () => undefined;
    const instance: NonNullable<ManagedProcess['instance']> = {
      exited: new Promise<void>((r) => (resolve = r)),
      exitDetail: null,
      dying: false,
      markExited(detail) {
        instance.exitDetail = detail;
        resolve();
      },
    };
    this.instance = instance;
    return instance;
  }

  private send(signal: NodeJS.Signals): void {
    this.guard.send({ type: 'signal', signal });
  }

  /** The guard must never keep the test process alive by itself, only while we wait for it. */
  private async whileHoldingEventLoop<T>(work: () => Promise<T>): Promise<T> {
    this.holdEventLoop(true);
    try {
      return await work();
    } finally {
      this.holdEventLoop(false);
    }
  }

  private holdEventLoop(hold: boolean): void {
    const channel = this.guard.channel as { ref(): void; unref(): void } | undefined;
    if (hold) {
      this.guard.ref();
      channel?.ref();
    } else {
      this.guard.unref();
      channel?.unref();
    }
  }

  private logTail(): string {
    try {
      return readFileSync(this.options.logFile, 'utf8').split('\n').slice(-20).join('\n');
    } catch {
      return '(no log)';
    }
  }
}
