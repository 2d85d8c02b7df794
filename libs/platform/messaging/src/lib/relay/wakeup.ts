/** A latch the commit listener sets and the relay's idle wait consumes; wake-ups coalesce. */
export class Wakeup {
  private pending = false;
  private release: (() => void) | null = null;

  signal(): void {
    this.pending = true;
    this.release?.();
  }

  /** True when woken by a signal, false after `timeoutMs` or an abort. */
  async wait(timeoutMs: number, abort: AbortSignal): Promise<boolean> {
    if (!this.pending && !abort.aborted) {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          clearTimeout(timer);
          abort.removeEventListener('abort', done);
          this.release = null;
          resolve();
        };
        const timer = setTimeout(done, timeoutMs);
        abort.addEventListener('abort', done, { once: true });
        this.release = done;
      });
    }
    const woken = this.pending;
    this.pending = false;
    return woken;
  }
}
