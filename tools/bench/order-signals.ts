import { prefixed } from '@brigade/messaging';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';

/**
 * When to ask `GET /orders/:id`: once the outcome the bench waits for (an approval, a
 * cancellation, a revision, or their refusals) shows on NATS. The orders relay publishes an event
 * only after its transaction committed, so that GET sees it; asking on that moment instead of
 * polling keeps the benchmark's own requests off the app being measured, and never hides latency:
 * the measured moment is always a GET that answered the outcome.
 * (An earlier version also asked once the three yes verdicts showed: that GET answered APPROVED
 * for 34 orders in 675, and cost every other order a GET and three NATS deliveries.)
 */
export class OrderSignals<Outcome extends string> {
  private readonly seen = new Map<string, Outcome>();
  private readonly waiting = new Map<string, (outcome: Outcome) => void>();
  private readonly subscriptions: Subscription[];

  /** `outcomes`: subject → the outcome it means; the first seen per order counts. */
  constructor(nc: NatsConnection, subjectPrefix: string, outcomes: Record<string, Outcome>) {
    this.subscriptions = Object.entries(outcomes).map(([subject, outcome]) =>
      nc.subscribe(prefixed({ subjectPrefix }, subject), {
        callback: (error, message) => {
          if (error) return;
          const { orderId } = message.json() as { orderId: string };
          if (!this.seen.has(orderId)) this.seen.set(orderId, outcome);
          this.check(orderId);
        },
      }),
    );
  }

  /** Resolves once the order's outcome was seen. */
  next(orderId: string): Promise<Outcome> {
    return new Promise((resolve) => {
      this.waiting.set(orderId, resolve);
      this.check(orderId);
    });
  }

  forget(orderId: string): void {
    this.waiting.delete(orderId);
    this.seen.delete(orderId);
  }

  stop(): void {
    for (const subscription of this.subscriptions) subscription.unsubscribe();
  }

  private check(orderId: string): void {
    const resolve = this.waiting.get(orderId);
    const outcome = this.seen.get(orderId);
    if (!resolve || outcome === undefined) return;
    this.waiting.delete(orderId);
    resolve(outcome);
  }
}
