/**
 * Where a CreateOrder saga's time goes: every event of the run is seen on NATS (one core
 * subscription to the platform's prefix) and stamped on arrival, so an order's path splits into
 * hops: POST → orders.order.created on NATS → each participant's verdict on NATS → the approval
 * on NATS. Each hop includes the producer's consumer, transaction and relay.
 */
import { paymentAuthorizedV1Subject } from '@brigade/contracts/accounting';
import { consumerOrderValidatedV1Subject } from '@brigade/contracts/consumers';
import { ticketCreatedV1Subject } from '@brigade/contracts/kitchen';
import { orderApprovedV1Subject, orderCreatedV1Subject } from '@brigade/contracts/orders';
import { prefixed } from '@brigade/messaging';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { percentile, round } from './measure';

/** Each participant's yes to orders.order.created.v1: the three the saga must see to approve. */
const YES_VERDICTS = {
  consumers: consumerOrderValidatedV1Subject,
  kitchen: ticketCreatedV1Subject,
  accounting: paymentAuthorizedV1Subject,
} as const;

type Stamp = 'created' | keyof typeof YES_VERDICTS | 'approved';

const STAMPS: Record<string, Stamp> = {
  [orderCreatedV1Subject]: 'created',
  [YES_VERDICTS.consumers]: 'consumers',
  [YES_VERDICTS.kitchen]: 'kitchen',
  [YES_VERDICTS.accounting]: 'accounting',
  [orderApprovedV1Subject]: 'approved',
};

export interface HopReport {
  readonly orders: number;
  readonly post_to_created_ms: number;
  readonly created_to_consumers_ms: number;
  readonly created_to_kitchen_ms: number;
  readonly created_to_accounting_ms: number;
  readonly created_to_last_verdict_ms: number;
  readonly last_verdict_to_approved_ms: number;
}

export class SagaHops {
  private readonly posted = new Map<string, number>();
  private readonly stamps = new Map<string, Partial<Record<Stamp, number>>>();

  private readonly subscriptions: Subscription[];

  /** Only the stamped subjects: every other event of the run would be sent to the bench for nothing. */
  constructor(nc: NatsConnection, subjectPrefix: string) {
    this.subscriptions = Object.entries(STAMPS).map(([subject, stamp]) =>
      nc.subscribe(prefixed({ subjectPrefix }, subject), {
        callback: (error, message) => {
          if (error) return;
          const { orderId } = message.json() as { orderId?: string };
          if (!orderId) return;
          const stamps = this.stamps.get(orderId) ?? {};
          stamps[stamp] ??= performance.now();
          this.stamps.set(orderId, stamps);
        },
      }),
    );
  }

  /** Stops stamping (the ramp does not report hops: its load generator should not pay for them). */
  stop(): void {
    for (const subscription of this.subscriptions) subscription.unsubscribe();
  }

  /** The POST of `orderId` went out at `sentAt` (performance.now()). */
  sent(orderId: string, sentAt: number): void {
    this.posted.set(orderId, sentAt);
  }

  /** p50 of each hop over the orders posted since the last reset that went all the way. */
  report(): HopReport {
    const hops: Record<keyof Omit<HopReport, 'orders'>, number[]> = {
      post_to_created_ms: [],
      created_to_consumers_ms: [],
      created_to_kitchen_ms: [],
      created_to_accounting_ms: [],
      created_to_last_verdict_ms: [],
      last_verdict_to_approved_ms: [],
    };
    let orders = 0;
    for (const [orderId, sentAt] of this.posted) {
      const s = this.stamps.get(orderId);
      if (!s?.created || !s.consumers || !s.kitchen || !s.accounting || !s.approved) continue;
      orders++;
      const lastVerdict = Math.max(s.consumers, s.kitchen, s.accounting);
      hops.post_to_created_ms.push(s.created - sentAt);
      hops.created_to_consumers_ms.push(s.consumers - s.created);
      hops.created_to_kitchen_ms.push(s.kitchen - s.created);
      hops.created_to_accounting_ms.push(s.accounting - s.created);
      hops.created_to_last_verdict_ms.push(lastVerdict - s.created);
      hops.last_verdict_to_approved_ms.push(s.approved - lastVerdict);
    }
    const p50 = (samples: number[]) => round(percentile(samples, 50), 1);
    return {
      orders,
      post_to_created_ms: p50(hops.post_to_created_ms),
      created_to_consumers_ms: p50(hops.created_to_consumers_ms),
      created_to_kitchen_ms: p50(hops.created_to_kitchen_ms),
      created_to_accounting_ms: p50(hops.created_to_accounting_ms),
      created_to_last_verdict_ms: p50(hops.created_to_last_verdict_ms),
      last_verdict_to_approved_ms: p50(hops.last_verdict_to_approved_ms),
    };
  }

  reset(): void {
    this.posted.clear();
    this.stamps.clear();
  }
}
