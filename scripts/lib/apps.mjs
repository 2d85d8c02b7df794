import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Fixed local ports, so URLs stay the same from run to run; `<APP>_PORT` overrides one. */
const PORTS = {
  consumers: 3001,
  restaurants: 3002,
  orders: 3003,
  kitchen: 3004,
  accounting: 3005,
  delivery: 3006,
  'order-history': 3007,
  identity: 3008,
};
const FIRST_UNLISTED_PORT = 3009;

/** The servable apps: folders under apps/ with a src/main.ts (apps/e2e holds tests only). */
export function discoverApps(root) {
  const appsDir = join(root, 'apps');
  if (!existsSync(appsDir)) return [];
  return readdirSync(appsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'e2e' && existsSync(join(appsDir, entry.name, 'src', 'main.ts')))
    .map((entry) => entry.name)
    .sort();
}

export const envName = (app) => app.toUpperCase().replace(/[^A-Z0-9]/g, '_');

/** `brigade_<app>`: every context keeps its own database. */
export const databaseName = (app) => `brigade_${app.replace(/[^a-z0-9]/gi, '_').toLowerCase()}`;

export function assignPorts(apps, env = process.env) {
  const ports = new Map();
  for (const app of apps) {
    const override = env[`${envName(app)}_PORT`];
    if (override) ports.set(app, Number(override));
    else if (PORTS[app]) ports.set(app, PORTS[app]);
  }
  let next = FIRST_UNLISTED_PORT;
  for (const app of apps.filter((a) => !ports.has(a))) {
    while ([...ports.values()].includes(next)) next += 1;
    ports.set(app, next);
  }
  return ports;
}
