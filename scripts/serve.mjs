#!/usr/bin/env node
// `nx serve <app>` (the serve target of every app, nx.json): one app on the infrastructure `npm start`
// uses: the PostgreSQL and NATS at DATABASE_URL / NATS_URL when they answer, otherwise embedded ones
// (the app connects to a NATS started here as its own user);
// the app's own database `brigade_<app>`, created if missing; its port from scripts/lib/apps.mjs
// unless PORT is set. Exits with the app's code, so an app that cannot start fails the Nx target
// (which is therefore not `continuous`: Nx counts a continuous task that no other task waits for as
// successful whatever its exit code). Ctrl-C / SIGTERM stop the app, then what was started here.
import { spawn } from 'node:child_process';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './lib/dependencies.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const log = (message) => console.log(`[serve] ${message}`);

ensureDependencies(root);
const { ensureInfrastructure, ensureDatabase } = await import('./lib/infra.mjs');
const { assignPorts, databaseName, discoverApps } = await import('./lib/apps.mjs');
const { sleep, stopChild } = await import('./lib/processes.mjs');
const { devAdmin } = await import('./lib/dev-admin.mjs');

const app = basename(process.argv[2] ?? ''); // `restaurants` or its project root, `apps/restaurants`
const apps = discoverApps(root);
if (!apps.includes(app)) {
  console.error(`[serve] usage: node scripts/serve.mjs <app>, one of: ${apps.join(', ') || '(no app has a src/main.ts yet)'}`);
  process.exit(2);
}

const infrastructure = [];
let child;
let stopping = false;

async function stop(code) {
  if (stopping) return;
  stopping = true;
  if (child) await stopChild(child, 'SIGTERM', 10_000);
  for (const handle of infrastructure.splice(0).reverse()) await handle.stop().catch((error) => log(`stopping: ${error.message}`));
  process.exit(code);
}
// SIGHUP too: under `nx serve` in a terminal the app runs in a pseudo-terminal that Nx closes on Ctrl-C.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(0));

let databaseUrl, natsEnv;
try {
  const { postgres, nats } = await ensureInfrastructure({ root, log, users: true }, infrastructure);
  databaseUrl = await ensureDatabase(postgres.url, databaseName(app));
  natsEnv = nats.envFor(app);
} catch (error) {
  console.error(`[serve] ${error.message}`);
  await stop(1);
}

// An explicit PORT wins (and is validated by the app, like every other variable).
const port = process.env.PORT || String(assignPorts([app]).get(app));
// identity gets the first admin as under `npm start`: BRIGADE_ADMIN_* when set, else the development admin.
const admin = app === 'identity' ? devAdmin(root, `http://127.0.0.1:${port}`) : { env: {}, notice: null };
child = spawn(process.execPath, [join('scripts', 'run-ts.mjs'), join('apps', app, 'src', 'main.ts')], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, PORT: port, DATABASE_URL: databaseUrl, ...natsEnv, ...admin.env },
});
child.on('exit', (code, signal) => {
  if (stopping) return;
  log(`${app} exited (${signal ?? `code ${code}`})`);
  void stop(code ?? 1);
});

// One line once the app answers, so that its URLs are easy to find among the logs.
const deadline = Date.now() + 120_000;
while (!stopping && Date.now() < deadline) {
  const healthy = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(2_000) }).then((r) => r.ok, () => false);
  if (healthy && !stopping) {
    log(`${app} is running: http://localhost:${port}/docs  http://localhost:${port}/health  (Ctrl-C to stop)`);
    if (admin.notice) log(admin.notice);
    break;
  }
  await sleep(500);
}
