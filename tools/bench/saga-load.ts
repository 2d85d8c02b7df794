/**
 * The order load shared by the saga and cost benchmarks: a shop on a running Platform (consumers
 * with the highest credit limit, one open restaurant with one dish) and an open-loop scheduler
 * placing orders at a fixed rate through the e2e journey steps, each timed from its POST to the
 * first `GET /orders/:id` answering `APPROVED`, asked once the approval shows on NATS (OrderSignals).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Platform, aMenuItem, call, createRestaurant, eventuallyInState, expectStatus, openRestaurant, order, placeOrder, postOrder, registerConsumer } from '@brigade/component-testing';
import { orderApprovedV1Subject, orderRejectedV1Subject } from '@brigade/contracts/orders';
import type { NatsConnection } from '@nats-io/transport-node';
import { percentile, round } from './measure';
import { OrderSignals } from './order-signals';
import type { SagaHops } from './saga-hops';

/** A step passes only with p99 at most this (and every order approved, ≥ MIN_ACHIEVED of the rate sent). */
export const MAX_P99_MS = 500;
const MIN_ACHIEVED = 0.9;
const SETTLE_MS = 10_000; // an order not approved this long after its step's last POST counts as failed
const POLL_MS = 2;
const CONSUMERS = 20; // orders spread over accounts, as real traffic is
const CREDIT_LIMIT_CENTS = 10_000_000; // the highest accounting allows: no order is declined

const log = (message: string) => process.stderr.write(`[saga-load] ${message}\n`);

export interface Shop {
  readonly platform: Platform;
  /** Stamps each order's hops when given (the saga benchmark); the cost benchmark goes without. */
  readonly hops?: SagaHops;
  readonly consumerIds: string[];
  readonly restaurantId: string;
  readonly menuItemId: string;
  /** Orders seen APPROVED, which the cancel and revise measurements then change. */
  readonly approvedOrderIds: string[];
}

export interface StepResult {
  readonly rate: number;
  readonly sent: number;
  readonly achieved_rate: number;
  readonly approved: number;
  readonly failed: number;
  readonly p50_ms: number;
  readonly p99_ms: number;
  readonly passed: boolean;
}

/** An order's decision as the bench waits for it on NATS (see OrderSignals). */
export type Decisions = OrderSignals<'APPROVED' | 'REJECTED'>;

export function orderDecisions(nc: NatsConnection, subjectPrefix: string): Decisions {
  return new OrderSignals(nc, subjectPrefix, { [orderApprovedV1Subject]: 'APPROVED', [orderRejectedV1Subject]: 'REJECTED' });
}

/** One order: POST, then its latency once a GET answers APPROVED; null if it failed or took too long. */
async function timeOneOrder(shop: Shop, decisions: Decisions, index: number, giveUpAt: () => number): Promise<number | null> {
  const sentAt = performance.now();
  const consumerId = shop.consumerIds[index % shop.consumerIds.length];
  const posted = await postOrder(shop.platform, consumerId, shop.restaurantId, [{ menuItemId: shop.menuItemId, quantity: 1 }]).catch(() => null);
  if (posted?.status !== 201) return null;
  const orderId: string = posted.body.orderId;
  shop.hops?.sent(orderId, sentAt);
  try {
    const giveUp = sleep(Math.max(0, giveUpAt() - performance.now())).then(() => false);
    if ((await Promise.race([decisions.next(orderId), giveUp])) !== 'APPROVED') return null;
    for (let asked = 0; asked < 2; asked++) {
      const answer = await order(shop.platform, orderId);
      if (answer.status === 200 && answer.body.state === 'APPROVED') {
        shop.approvedOrderIds.push(orderId);
        return performance.now() - sentAt;
      }
      if (answer.status === 200 && answer.body.state === 'REJECTED') return null;
      await sleep(POLL_MS); // approved on NATS, so committed: a last GET a moment later
    }
    return null;
  } finally {
    decisions.forget(orderId);
  }
}

let reportedFailures = 0;

/**
 * An order whose GET got no answer failed: counted as such (the step then fails) rather than
 * rejecting while the scheduler still runs, which would end the process without stopping the
 * platform's apps.
 */
function countAsFailed(error: unknown): null {
  if (reportedFailures++ < 3) log(`an order failed: ${(error as Error).message}`);
  return null;
}

/**
 * Open loop: order i is posted at start + i / rate, whatever happened to the ones before it.
 * Resolves once every order is approved or given up (10 s after the step's end).
 */
export async function runAtRate(shop: Shop, decisions: Decisions, rate: number, seconds: number): Promise<StepResult> {
  const total = Math.round(rate * seconds);
  const interval = 1000 / rate;
  const start = performance.now();
  const giveUpAt = () => start + seconds * 1000 + SETTLE_MS;
  const pending: Promise<number | null>[] = [];
  let lastSentAt = start;
  while (pending.length < total) {
    const now = performance.now();
    while (pending.length < total && start + pending.length * interval <= now) {
      pending.push(timeOneOrder(shop, decisions, pending.length, giveUpAt).catch(countAsFailed));
      lastSentAt = now;
    }
    await sleep(1);
  }
  const achievedRate = total / ((lastSentAt - start) / 1000 + 1 / rate);
  const results = await Promise.all(pending);
  const latencies = results.filter((r): r is number => r !== null);
  const p99 = percentile(latencies, 99);
  const failed = total - latencies.length;
  return {
    rate,
    sent: total,
    achieved_rate: round(achievedRate, 1),
    approved: latencies.length,
    failed,
    p50_ms: round(percentile(latencies, 50), 1),
    p99_ms: round(p99, 1),
    passed: failed === 0 && achievedRate >= MIN_ACHIEVED * rate && p99 <= MAX_P99_MS,
  };
}

/** Registers the consumers, opens the restaurant, and waits for a first order to go all the way. */
export async function openShop(platform: Platform, hops?: SagaHops): Promise<Shop> {
  const menu = [aMenuItem('Margherita', 1250)];
  const [consumerIds, restaurantId] = await Promise.all([
    Promise.all(Array.from({ length: CONSUMERS }, (_, i) => registerConsumer(platform, `Bench${i}`))),
    createRestaurant(platform, 'Bench Pizza', menu),
  ]);
  for (const consumerId of consumerIds) {
    expectStatus(await call(platform.app('accounting'), 'PUT', `/accounts/${consumerId}/credit-limit`, { creditLimitCents: CREDIT_LIMIT_CENTS }), 200);
  }
  await openRestaurant(platform, restaurantId);
  const shop = { platform, hops, consumerIds, restaurantId, menuItemId: menu[0].menuItemId, approvedOrderIds: [] };
  // Orders accept only once the orders app has the restaurant: wait for one to go all the way.
  const first = await placeOrder(platform, consumerIds[0], restaurantId, [{ menuItemId: shop.menuItemId, quantity: 1 }]);
  await eventuallyInState(() => order(platform, first), 'APPROVED');
  return shop;
}
