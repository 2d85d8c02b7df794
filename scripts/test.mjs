#!/usr/bin/env node
// `npm test`: every project's typecheck, lint, unit and integration tests through Nx, against
// the PostgreSQL and NATS at DATABASE_URL / NATS_URL, or embedded ones when those don't answer.
// Ends with one line, `N passed, N failed` (`, N skipped` when any), summed over every Jest run.
// Extra arguments go to Nx: `npm test -- --projects=event-store`. A run still going after
// BRIGADE_TEST_BUDGET_MINUTES (default 30) is stopped and fails.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './lib/dependencies.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const nxArgs = process.argv.slice(2).filter((arg, i) => !(i === 0 && arg === '--'));
const log = (message) => console.log(`[test] ${message}`);

ensureDependencies(root);
const { ensureInfrastructure } = await import('./lib/infra.mjs');

const started = [];
let nx = null;
const stopInfrastructure = async () => {
  for (const handle of started.splice(0).reverse()) await handle.stop().catch((error) => log(`stopping: ${error.message}`));
};
const quit = async (code) => {
  await stopInfrastructure();
  process.exit(code);
};
// An interrupted run lets Nx (and its Jest runs) wind down first, so the servers go last.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (nx && nx.exitCode === null && nx.signalCode === null) {
      process.kill(-nx.pid, signal); // Nx and every task it runs
      setTimeout(() => quit(130), 15_000).unref();
    } else {
      void quit(130);
    }
  });
}

let postgres, nats;
try {
  ({ postgres, nats } = await ensureInfrastructure({ root, log }, started));
} catch (error) {
  console.error(`[test] ${error.message}`);
  await quit(1);
}

// Each Jest run drops a JSON tally here (tools/jest/tally-reporter.js).
const tallyDir = join(root, 'tmp', 'test-tally', `${Date.now()}-${process.pid}`);
mkdirSync(tallyDir, { recursive: true });

// The whole run takes minutes; a test or a process that hangs must fail the run, not stall it.
const budgetMinutes = Number(process.env.BRIGADE_TEST_BUDGET_MINUTES ?? 30);
if (!(budgetMinutes > 0)) {
  console.error(`[test] BRIGADE_TEST_BUDGET_MINUTES must be a positive number of minutes, got "${process.env.BRIGADE_TEST_BUDGET_MINUTES}"`);
  await quit(1);
}
let overBudget = false;
const watchdog = setTimeout(() => {
  overBudget = true;
  log(`still running after ${budgetMinutes} min (BRIGADE_TEST_BUDGET_MINUTES): stopping Nx and every task; the tasks still running above hang`);
  process.kill(-nx.pid, 'SIGTERM');
  setTimeout(() => process.kill(-nx.pid, 'SIGKILL'), 15_000).unref();
}, budgetMinutes * 60_000);

// --skip-nx-cache: a cached target replays its output without running Jest, so its tests would
// be missing from the closing count.
const nxExit = await new Promise((resolve) => {
  nx = spawn(
    process.execPath,
    [nxBin(), 'run-many', '-t', 'typecheck', 'lint', 'test', 'integration', '--outputStyle=stream', '--skip-nx-cache', ...nxArgs],
    {
      cwd: root,
      stdio: 'inherit',
      detached: true, // its own process group, so an interruption reaches every task, not only Nx
      env: { ...process.env, DATABASE_URL: postgres.url, NATS_URL: nats.url, BRIGADE_TEST_TALLY_DIR: tallyDir, NX_TUI: 'false' },
    },
  );
  nx.on('error', (error) => {
    log(`could not run Nx: ${error.message}`);
    resolve(1);
  });
  nx.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
});
clearTimeout(watchdog);

const totals = { passed: 0, failed: 0, skipped: 0 };
const talliesLost = !existsSync(tallyDir);
if (talliesLost) log(`${tallyDir} is gone: the counts below miss its tallies`);
const tallies = talliesLost ? [] : readdirSync(tallyDir);
for (const file of tallies) {
  const tally = JSON.parse(readFileSync(join(tallyDir, file), 'utf8'));
  for (const key of Object.keys(totals)) totals[key] += tally[key] ?? 0;
}
rmSync(tallyDir, { recursive: true, force: true });
await stopInfrastructure();

if (overBudget) log(`stopped after ${budgetMinutes} min: failed`);
if (nxExit !== 0) log(`Nx exited with code ${nxExit}`);
if (totals.passed + totals.failed === 0) log('no tests ran');
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped > 0 ? `, ${totals.skipped} skipped` : ''}`);
process.exit(overBudget || talliesLost || nxExit !== 0 || totals.failed > 0 || totals.passed + totals.failed === 0 ? 1 : 0);

/** Nx's own entry point: run directly (not through npx) so that signals reach Nx itself. */
function nxBin() {
  const require = createRequire(join(root, 'package.json'));
  const manifest = require('nx/package.json');
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin.nx;
  return join(dirname(require.resolve('nx/package.json')), bin);
}
