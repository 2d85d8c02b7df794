/**
 * Saga benchmark: the five apps of the order sagas run as processes (the e2e Platform), and orders are
 * placed over HTTP by an open-loop scheduler (each POST goes out on its time slot, never waiting
 * for earlier ones). An order's latency runs from its POST being sent to the first
 * `GET /orders/:id` answering `APPROVED`. Rather than polling the orders app from the POST on,
 * the bench asks once the approval shows on NATS (OrderSignals).
 *  - saga_p50_ms / saga_p99_ms: at 20 orders/s for --seconds;
 *  - saga_max_rate: the highest of --rates sustained for --step-seconds with every order approved
 *    within 10 s of the step's end, ≥ 90% of the rate achieved and p99 ≤ 500 ms (stops at the first failure);
 *  - relay_p50_ms: the relay's commit → JetStream latency, measured in the same run (the baseline);
 *  - saga_p50_relay_ratio: saga_p50_ms / relay_p50_ms;
 *  - cancel_p50_ms / revise_p50_ms (and p99, failed): approved orders cancelled, then others revised,
 *    at the saga's rate for --seconds, from the POST to a GET showing the change DONE (order-changes.ts).
 * Everything is measured after a warm-up (--warmup-rate orders/s for --warmup-seconds) long enough
 * for V8 to have optimised the hot paths: after 2 s, its compiler was still ~15% of the machine's
 * CPU, and the 20 orders/s p50 came out ~3 ms higher than once it had settled.
 * Usage: npm run bench:saga [-- --json] [--rate 20] [--seconds 10] [--rates 20,50,75,100,...] [--step-seconds 10] [--samples 500]
 *        [--warmup-rate 50] [--warmup-seconds 15]
 */
import 'reflect-metadata';
import { setTimeout as sleep } from 'node:timers/promises';
// The benchmark drives the very platform and journey steps the e2e suite runs (no copy to drift);
// they live in @brigade/component-testing.
import { Platform, SAGA_APPS } from '@brigade/component-testing';
import { printTable, round } from './measure';
import { timeChanges } from './order-changes';
import { measureRelayLatency } from './relay-latency';
import { SagaHops } from './saga-hops';
import { MAX_P99_MS, StepResult, openShop, orderDecisions, runAtRate } from './saga-load';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const SECONDS = Number(option('seconds', '10'));
const STEP_SECONDS = Number(option('step-seconds', '10'));
const RATES = option('rates', '20,50,75,100,125,150,200,300,400').split(',').map(Number);
const SAMPLES = Number(option('samples', '500'));
const SAGA_RATE = Number(option('rate', '20'));
const WARMUP_RATE = Number(option('warmup-rate', '50'));
const WARMUP_SECONDS = Number(option('warmup-seconds', '15'));

const log = (message: string) => process.stderr.write(`[saga-bench] ${message}\n`);

async function main() {
  log('starting the platform (five apps as processes)');
  const platform = await Platform.start({ approvalDeadlineMs: 30_000, apps: SAGA_APPS });
  // The platform runs its own NATS with a user per app; the bench watches it as the operator.
  const nc = await platform.nats.connect('saga-bench');
  try {
    const decisions = orderDecisions(nc, platform.subjectPrefix);
    const hops = new SagaHops(nc, platform.subjectPrefix);
    const shop = await openShop(platform, hops);
    log(`warming up (${WARMUP_SECONDS} s at ${WARMUP_RATE} orders/s)`);
    await runAtRate(shop, decisions, WARMUP_RATE, WARMUP_SECONDS);
    await sleep(1000); // its tail drains before anything is measured

    log(`relay baseline (${SAMPLES} events)`);
    const relay = await measureRelayLatency(SAMPLES, () => platform.nats.connect('bench'));

    log(`saga at ${SAGA_RATE} orders/s for ${SECONDS} s`);
    hops.reset();
    const saga = await runAtRate(shop, decisions, SAGA_RATE, SECONDS);
    const sagaHops = hops.report();
    hops.stop();
    log(JSON.stringify(saga));
    log(`hops (p50): ${JSON.stringify(sagaHops)}`);

    // Cancel and revise the orders approved so far (the warm-up's and the saga's), at the saga's rate.
    const changes = { rate: SAGA_RATE, seconds: SECONDS, menuItemId: shop.menuItemId };
    log(`cancel at ${SAGA_RATE}/s for ${SECONDS} s`);
    const cancel = await timeChanges(platform, nc, 'cancel', shop.approvedOrderIds, changes);
    log(JSON.stringify(cancel));
    await sleep(1000);
    log(`revise at ${SAGA_RATE}/s for ${SECONDS} s`);
    const revise = await timeChanges(platform, nc, 'revise', shop.approvedOrderIds, changes);
    log(JSON.stringify(revise));

    const steps: StepResult[] = [];
    for (const rate of RATES) {
      await sleep(1000); // let the previous step's tail (relays, consumers) drain
      log(`ramp: ${rate} orders/s for ${STEP_SECONDS} s`);
      const step = await runAtRate(shop, decisions, rate, STEP_SECONDS);
      log(JSON.stringify(step));
      steps.push(step);
      if (!step.passed) break;
    }
    const passing = steps.filter((s) => s.passed);

    const report = {
      saga_rate: SAGA_RATE,
      saga_orders: saga.sent,
      saga_approved: saga.approved,
      saga_p50_ms: saga.p50_ms,
      saga_p99_ms: saga.p99_ms,
      saga_max_rate: passing.length ? passing[passing.length - 1].rate : 0,
      cancel_p50_ms: cancel.p50_ms,
      cancel_p99_ms: cancel.p99_ms,
      cancel_failed: cancel.failed,
      revise_p50_ms: revise.p50_ms,
      revise_p99_ms: revise.p99_ms,
      revise_failed: revise.failed,
      relay_p50_ms: round(relay.relay_p50_ms, 3),
      // The saga's latency in units of the same run's baseline: a rough allowance for the machine's speed when comparing runs.
      saga_p50_relay_ratio: round(saga.p50_ms / relay.relay_p50_ms, 1),
      hops: sagaHops,
      steps,
    };
    if (args.includes('--json')) {
      console.log(JSON.stringify(report));
      return;
    }
    const { steps: _steps, hops: _hops, ...figures } = report;
    printTable(`Saga benchmark (${SECONDS}s at ${SAGA_RATE} orders/s; ramp ${STEP_SECONDS}s per rate; ${SAMPLES} relay samples)`, figures);
    printTable(`Where the time goes at ${SAGA_RATE} orders/s (p50 per hop, ${sagaHops.orders} orders)`, { ...sagaHops });
    printTable(
      'Ramp (rate: achieved/s, approved/sent, p50, p99)',
      Object.fromEntries(steps.map((s) => [`${s.rate}/s`, `${s.achieved_rate}/s, ${s.approved}/${s.sent}, ${s.p50_ms} ms, ${s.p99_ms} ms${s.passed ? '' : '  FAIL'}`])),
    );
    printTable('Targets', { saga_p50_ms: `<= 20 at ${SAGA_RATE} orders/s`, saga_max_rate: `>= 200 (p99 <= ${MAX_P99_MS} ms)` });
  } finally {
    await nc.close();
    await platform.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
