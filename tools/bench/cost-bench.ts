/**
 * Cost benchmark: CPU per order. The whole platform runs as processes, as `npm start` runs it (the
 * e2e Platform, as in the saga benchmark, with the same shop and open-loop orders: saga-load.ts); after a warm-up, orders go out
 * at each of --rates for --seconds, and the CPU spent from a step's first POST until its last order
 * is approved is divided by the step's orders:
 *  - cpu_ms_per_order: the whole machine's busy CPU (/proc/stat), the load generator's own subtracted;
 *  - by_service: the same split by process (cpu-sampler.ts, platform-processes.ts): postgres (every
 *    PostgreSQL process: the machine's one server, shared), nats (the platform's own nats-server),
 *    each app (its process group), other (the rest of the machine);
 *  - bench_ms_per_order: the load generator's CPU, the part subtracted;
 *  - idle_ms_per_s: the platform's processes' CPU per second (PostgreSQL, its nats-server, the apps) once the
 *    orders stopped and --idle-settle-seconds passed, over --idle-seconds; idle_machine_ms_per_s: the whole machine's;
 *  - ref_ms: 200,000 SHA-256 of 64 bytes on one core, timed in the same run: the machine's speed.
 * With --saga-apps, only the apps an order's approval needs run (delivery and order-history do not).
 * Usage: npm run bench:cost [-- --json] [--rates 5,20,50] [--seconds 20] [--warmup-rate 20] [--warmup-seconds 10]
 *        [--idle-seconds 30] [--idle-settle-seconds 150] [--saga-apps]
 */
import 'reflect-metadata';
import { setTimeout as sleep } from 'node:timers/promises';
import { PLATFORM_APPS, Platform, SAGA_APPS } from '@brigade/component-testing';
import { referenceMs } from './cpu-reference';
import { CpuSampler, CpuSpent, cpuBetween } from './cpu-sampler';
import { printTable, round } from './measure';
import { platformProcesses } from './platform-processes';
import { openShop, orderDecisions, runAtRate } from './saga-load';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const RATES = option('rates', '5,20,50').split(',').map(Number);
const SECONDS = Number(option('seconds', '20'));
const WARMUP_RATE = Number(option('warmup-rate', '20'));
const WARMUP_SECONDS = Number(option('warmup-seconds', '10'));
const IDLE_SECONDS = Number(option('idle-seconds', '30'));
const IDLE_SETTLE_SECONDS = Number(option('idle-settle-seconds', '150'));
const APPS = args.includes('--saga-apps') ? SAGA_APPS : PLATFORM_APPS;
const PAUSE_MS = 2_000; // between steps: the previous one's background work (acks, relays) settles

const log = (message: string) => process.stderr.write(`[cost-bench] ${message}\n`);

const perUnit = (spent: Readonly<Record<string, number>>, units: number) => Object.fromEntries(Object.entries(spent).map(([key, ms]) => [key, round(ms / units, 1)]));

interface RateResult {
  readonly rate: number;
  readonly orders: number;
  readonly approved: number;
  readonly seconds: number;
  readonly cpu_ms_per_order: number;
  readonly bench_ms_per_order: number;
  readonly by_service: Readonly<Record<string, number>>;
}

function rateResult(rate: number, orders: number, approved: number, spent: CpuSpent): RateResult {
  return {
    rate,
    orders,
    approved,
    seconds: round(spent.seconds, 1),
    cpu_ms_per_order: round(spent.platformMs / orders, 1),
    bench_ms_per_order: round(spent.benchMs / orders, 1),
    by_service: perUnit(spent.byService, orders),
  };
}

function printReport(report: { ref_ms: number; idle_ms_per_s: number; idle_machine_ms_per_s: number; idle_by_service: Record<string, number>; rates: RateResult[] }): void {
  printTable('Cost benchmark', {
    ref_ms: `${report.ref_ms} (200,000 SHA-256 of 64 bytes)`,
    idle_ms_per_s: `${report.idle_ms_per_s} ms of CPU per second, the platform's processes (target <= 15)`,
    idle_machine_ms_per_s: `${report.idle_machine_ms_per_s} ms of CPU per second, the whole machine`,
    ...Object.fromEntries(report.rates.map((r) => [`${r.rate}/s`, `${r.approved}/${r.orders} approved in ${r.seconds} s`])),
  });
  const columns = [...report.rates.map((r) => `${r.rate}/s`), 'idle ms/s'];
  const rows: [string, (string | number)[]][] = [
    ['cpu_ms_per_order', [...report.rates.map((r) => r.cpu_ms_per_order), report.idle_ms_per_s]],
    ...Object.keys(report.idle_by_service).map((service): [string, (string | number)[]] => [`  ${service}`, [...report.rates.map((r) => r.by_service[service]), report.idle_by_service[service]]]),
    ['bench (subtracted)', [...report.rates.map((r) => r.bench_ms_per_order), '']],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  console.log(`\nCPU ms per order (targets: <= 25 at 5/s, <= 15 at 20/s)`);
  console.log(`  ${''.padEnd(width)}${columns.map((c) => c.padStart(11)).join('')}`);
  for (const [name, values] of rows) console.log(`  ${name.padEnd(width)}${values.map((v) => String(v).padStart(11)).join('')}`);
}

async function main() {
  log('reference: 200,000 SHA-256 of 64 bytes');
  const ref = referenceMs();
  log(`starting the platform (${APPS.join(', ')} as processes)`);
  const platform = await Platform.start({ approvalDeadlineMs: 30_000, apps: APPS });
  const nc = await platform.nats.connect('cost-bench');
  try {
    const decisions = orderDecisions(nc, platform.subjectPrefix);
    const shop = await openShop(platform);
    const processes = platformProcesses(platform, APPS);
    const sampler = new CpuSampler(processes.serviceOf);
    log(`warming up (${WARMUP_SECONDS} s at ${WARMUP_RATE} orders/s)`);
    await runAtRate(shop, decisions, WARMUP_RATE, WARMUP_SECONDS);

    const rates: RateResult[] = [];
    for (const rate of RATES) {
      await sleep(PAUSE_MS);
      log(`${rate} orders/s for ${SECONDS} s`);
      const before = sampler.snapshot();
      const step = await runAtRate(shop, decisions, rate, SECONDS);
      const spent = cpuBetween(before, sampler.snapshot(), processes.services);
      rates.push(rateResult(rate, step.sent, step.approved, spent));
      log(JSON.stringify(rates[rates.length - 1]));
    }

    // What the load leaves behind settles first: V8's memory reducer runs one full GC in each app (~300 ms of
    // CPU, 20 to 110 s after its allocations stop), PostgreSQL and NATS write back.
    log(`settling for ${IDLE_SETTLE_SECONDS} s, then idle for ${IDLE_SECONDS} s`);
    await sleep(IDLE_SETTLE_SECONDS * 1000);
    const before = sampler.snapshot();
    await sleep(IDLE_SECONDS * 1000);
    const idle = cpuBetween(before, sampler.snapshot(), processes.services);
    const platformIdleMs = Object.entries(idle.byService).reduce((sum, [service, ms]) => (service === 'other' ? sum : sum + ms), 0);

    const report = {
      ref_ms: Math.round(ref),
      idle_ms_per_s: round(platformIdleMs / idle.seconds, 1),
      idle_machine_ms_per_s: round(idle.platformMs / idle.seconds, 1),
      idle_by_service: perUnit(idle.byService, idle.seconds),
      rates,
    };
    if (args.includes('--json')) console.log(JSON.stringify(report));
    else printReport(report);
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
