/**
 * The CancelOrder and ReviseOrder sagas' latency: approved orders are cancelled (or revised) over
 * HTTP by an open-loop scheduler, and a change's latency runs from its POST being sent to the
 * first `GET /orders/:id` showing its outcome (`lastChange.outcome` DONE), asked once the outcome
 * shows on NATS (OrderSignals).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { call, order, Platform } from '@brigade/component-testing';
import {
  orderCancelledV1Subject,
  orderCancelRefusedV1Subject,
  orderRevisedV1Subject,
  orderRevisionRejectedV1Subject,
} from '@brigade/contracts/orders';
import type { NatsConnection } from '@nats-io/transport-node';
import { percentile, round } from './measure';
import { OrderSignals } from './order-signals';

export type ChangeKind = 'cancel' | 'revise';

export interface ChangeResult {
  readonly kind: ChangeKind;
  readonly sent: number;
  readonly done: number;
  readonly failed: number;
  readonly p50_ms: number;
  readonly p99_ms: number;
}

const SETTLE_MS = 10_000;
const POLL_MS = 2;

const OUTCOMES: Record<ChangeKind, Record<string, 'DONE' | 'REFUSED'>> = {
  cancel: { [orderCancelledV1Subject]: 'DONE', [orderCancelRefusedV1Subject]: 'REFUSED' },
  revise: { [orderRevisedV1Subject]: 'DONE', [orderRevisionRejectedV1Subject]: 'REFUSED' },
};

/**
 * Changes `rate × seconds` of `approvedOrderIds` (taken from the end of the list, so the caller's
 * other measurements never get the same order), each at its time slot whatever happened to the
 * ones before it. A revision asks for two of `menuItemId` (the bench's orders have one).
 */
export async function timeChanges(
  platform: Platform,
  nc: NatsConnection,
  kind: ChangeKind,
  approvedOrderIds: string[],
  options: { rate: number; seconds: number; menuItemId: string },
): Promise<ChangeResult> {
  const total = Math.round(options.rate * options.seconds);
  if (approvedOrderIds.length < total) throw new Error(`${kind}: ${total} approved orders needed, ${approvedOrderIds.length} at hand`);
  const signals = new OrderSignals(nc, platform.subjectPrefix, OUTCOMES[kind]);
  const start = performance.now();
  const giveUpAt = start + options.seconds * 1000 + SETTLE_MS;
  const pending: Promise<number | null>[] = [];
  try {
    while (pending.length < total) {
      while (pending.length < total && start + (pending.length * 1000) / options.rate <= performance.now()) {
        const orderId = approvedOrderIds.pop() as string;
        pending.push(timeOneChange(platform, signals, kind, orderId, options.menuItemId, giveUpAt).catch(() => null));
      }
      await sleep(1);
    }
    const latencies = (await Promise.all(pending)).filter((latency): latency is number => latency !== null);
    return {
      kind,
      sent: total,
      done: latencies.length,
      failed: total - latencies.length,
      p50_ms: round(percentile(latencies, 50), 1),
      p99_ms: round(percentile(latencies, 99), 1),
    };
  } finally {
    signals.stop();
  }
}

async function timeOneChange(
  platform: Platform,
  signals: OrderSignals<'DONE' | 'REFUSED'>,
  kind: ChangeKind,
  orderId: string,
  menuItemId: string,
  giveUpAt: number,
): Promise<number | null> {
  const sentAt = performance.now();
  const body = kind === 'revise' ? { lineItems: [{ menuItemId, quantity: 2 }] } : undefined;
  const asked = await call(platform.app('orders'), 'POST', `/orders/${orderId}/${kind}`, body);
  if (asked.status !== 202) return null;
  try {
    const giveUp = sleep(Math.max(0, giveUpAt - performance.now())).then(() => 'GAVE_UP' as const);
    if ((await Promise.race([signals.next(orderId), giveUp])) !== 'DONE') return null;
    for (let askedAgain = 0; askedAgain < 2; askedAgain++) {
      const answer = await order(platform, orderId);
      if (answer.status === 200 && answer.body.lastChange?.outcome === 'DONE') return performance.now() - sentAt;
      await sleep(POLL_MS); // done on NATS, so committed: a last GET a moment later
    }
    return null;
  } finally {
    signals.forget(orderId);
  }
}
