export interface EventuallyOptions {
  /** Give up after this long (default 10 s). */
  readonly timeoutMs?: number;
  /** Pause between attempts (default 25 ms). */
  readonly intervalMs?: number;
}

/**
 * Retries `probe` until it stops throwing and returns its result: asynchronous effects
 * (projections, consumers, relays) are asserted without fixed sleeps. On timeout the
 * probe's last error is rethrown, so the failure reads like the assertion that never held.
 */
export async function eventually<T>(probe: () => Promise<T> | T, options: EventuallyOptions = {}): Promise<T> {
  const { timeoutMs = 10_000, intervalMs = 25 } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await probe();
    } catch (error) {
      if (Date.now() + intervalMs > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
