/**
 * Acks leave together. Each one sent on its own is a socket write, and on a VM a write that wakes
 * the broker costs far more than the bytes (see docs/benchmarks.md): an app acked 5 messages per
 * order in 5 writes. Here an ack waits up to `delayMs` for the others of the app's durables, and
 * they all go in one synchronous run, which the NATS client sends as one write.
 *
 * Waiting costs no latency anyone sees: the effect is committed before its ack is queued, and a
 * lost or late ack only means a redelivery that the inbox answers `duplicate`. Nothing is lost
 * either way; `flush()` sends what waits at once (a cycle ending, the transport stopping).
 */
export class AckBuffer {
  private waiting: Array<() => void> = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly delayMs: number) {}

  /** Acks waiting to leave. */
  get size(): number {
    return this.waiting.length;
  }

  /** Queues `send` (one message's ack); with no delay it runs at once. */
  add(send: () => void): void {
    if (this.delayMs === 0) return send();
    this.waiting.push(send);
    this.timer ??= setTimeout(() => this.flush(), this.delayMs);
  }

  /** Sends every waiting ack now, in one synchronous run. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const waiting = this.waiting;
    this.waiting = [];
    for (const send of waiting) send();
  }
}
