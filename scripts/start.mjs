#!/usr/bin/env node
// `npm start`: the whole platform on this machine. Uses the PostgreSQL and NATS at DATABASE_URL /
// NATS_URL when they answer, otherwise embedded ones (a NATS started here has a user per app, with the
// permissions of docs/security.md); gives every app its own database, port and NATS user; the apps run
// their own migrations at start-up. Ctrl-C stops the apps, then what was started here.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './lib/dependencies.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const log = (message) => console.log(`[start] ${message}`);

ensureDependencies(root);
const { ensureInfrastructure, ensureDatabase } = await import('./lib/infra.mjs');
const { assignPorts, databaseName, discoverApps } = await import('./lib/apps.mjs');
const { sleep, stopChild } = await import('./lib/processes.mjs');
const { devAdmin } = await import('./lib/dev-admin.mjs');

const apps = discoverApps(root);
if (apps.length === 0) {
  log('No apps to serve yet: no folder under apps/ has a src/main.ts.');
  process.exit(0);
}

const infrastructure = [];
const children = new Map(); // app -> child process
let shuttingDown = false;

async function shutdown(code) {
  if (shuttingDown) return;
  shuttingDown = true;
  log('Stopping apps...');
  await Promise.all([...children.values()].map((child) => stopChild(child, 'SIGTERM', 10_000)));
  for (const handle of infrastructure.splice(0).reverse()) await handle.stop().catch((error) => log(`stopping: ${error.message}`));
  log('Stopped.');
  process.exit(code);
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

let postgres, nats;
try {
  ({ postgres, nats } = await ensureInfrastructure({ root, log, users: true }, infrastructure));
} catch (error) {
  console.error(`[start] ${error.message}`);
  await shutdown(1);
}

const ports = assignPorts(apps);
// Every app trusts the identity app's tokens (its AUTH_ISSUER default is identity on 3008), and
// identity gets the first admin: BRIGADE_ADMIN_* when set, else a development admin made once.
const identityUrl = `http://127.0.0.1:${ports.get('identity')}`;
const issuer = apps.includes('identity') && !process.env.AUTH_ISSUER ? { AUTH_ISSUER: identityUrl } : {};
const admin = apps.includes('identity') ? devAdmin(root, identityUrl) : { env: {}, notice: null };
const envOf = (app) => ({ ...issuer, ...(app === 'identity' ? admin.env : {}) });
const width = Math.max(...apps.map((app) => app.length));
const colours = [36, 35, 33, 32, 34, 31, 96, 95];
const label = (app) => {
  const text = app.padEnd(width);
  return process.stdout.isTTY ? `\x1b[${colours[apps.indexOf(app) % colours.length]}m${text}\x1b[0m |` : `${text} |`;
};

for (const app of apps) {
  let databaseUrl;
  try {
    databaseUrl = await ensureDatabase(postgres.url, databaseName(app));
  } catch (error) {
    console.error(`[start] cannot create the database of ${app}: ${error.message}`);
    await shutdown(1);
  }
  const child = spawn(process.execPath, [join('scripts', 'run-ts.mjs'), join('apps', app, 'src', 'main.ts')], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: String(ports.get(app)), DATABASE_URL: databaseUrl, ...nats.envFor(app), ...envOf(app) },
  });
  children.set(app, child);
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => console.log(`${label(app)} ${line}`));
  }
  child.on('exit', (code, signal) => {
    if (shuttingDown) return;
    log(`${app} exited unexpectedly (${signal ?? `code ${code}`}); the other apps keep running.`);
    children.delete(app);
    if (children.size === 0) {
      log('No app is running any more.');
      void shutdown(1);
    }
  });
}

// The summary comes once every app answers /health (or has given up), so it is the last thing on screen.
const health = await Promise.all(apps.map((app) => waitForHealth(app, ports.get(app))));
if (!shuttingDown) {
  console.log('');
  log('Brigade is running:');
  apps.forEach((app, i) => {
    const base = `http://localhost:${ports.get(app)}`;
    console.log(`  ${app.padEnd(width)}  ${base}/docs  ${base}/health  ${health[i]}`);
  });
  console.log(`  PostgreSQL ${redact(postgres.url)}   NATS ${nats.url}${nats.credentialsFile ? ` (users: ${nats.credentialsFile})` : ''}`);
  if (admin.notice) log(admin.notice);
  log('Press Ctrl-C to stop.');
}

async function waitForHealth(app, port, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!children.has(app)) return '(exited)';
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return '(healthy)';
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  return '(not answering /health yet)';
}

function redact(url) {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
