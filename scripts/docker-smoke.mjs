#!/usr/bin/env node
// `npm run docker:smoke`: builds every app image (docker/Dockerfile), times a rebuild after a
// one-line change in one app, brings docker/compose.yaml up, places an order over HTTP, waits for
// it to be APPROVED, takes it to the door (DELIVERED), tears the stack down (volumes included) and prints the figures.
// Starts dockerd when none answers and this is root (it is left running afterwards). Base images
// the machine lacks are pulled, or, when no registry answers, built locally as stand-ins by
// docker/standins/build-standins.sh. Exits non-zero on any failure.
import { spawnSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, openSync, appendFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const composeFile = join(root, 'docker', 'compose.yaml');
const dockerfile = join(root, 'docker', 'Dockerfile');
const project = 'brigade-smoke';
// Host ports away from `npm start`'s 3001..3007, so a running dev platform does not collide.
const hostPorts = { consumers: 13001, restaurants: 13002, orders: 13003, kitchen: 13004, accounting: 13005, delivery: 13006, 'order-history': 13007, identity: 13008 };
// The stack's first admin (BRIGADE_ADMIN_*), a throw-away one for this run.
const admin = { email: 'admin@smoke.brigade.test', password: `smoke-${randomUUID()}` };
const probeApp = 'kitchen'; // the app whose code gets the one-line change
const buildNetwork = process.env.DOCKER_BUILD_NETWORK ?? 'host'; // this VM's containers have no NAT
// --cold: removes the app images and the dangling images (the layer cache of earlier builds) first,
// so the set's figure includes building the shared dependency layers once; by default that cache is used.
const coldBuild = process.argv.includes('--cold');

const log = (message) => console.log(`[docker-smoke] ${message}`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** Runs a command; throws with its output when it fails. Returns stdout. */
function run(command, args, { quiet = true, env, cwd = root, timeoutMs } = {}) {
  const result = spawnSync(command, args, {
    cwd,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    stdio: quiet ? 'pipe' : 'inherit',
    maxBuffer: 64 * 1024 * 1024,
    timeout: timeoutMs,
  });
  if (result.status !== 0) {
    const output = quiet ? `\n${result.stdout ?? ''}${result.stderr ?? ''}`.trimEnd() : '';
    throw new Error(`${command} ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status}`})${output}`);
  }
  return result.stdout ?? '';
}
const succeeds = (command, args, timeoutMs) => spawnSync(command, args, { stdio: 'ignore', timeout: timeoutMs }).status === 0;

async function ensureDockerEngine() {
  if (succeeds('docker', ['info'], 20_000)) return;
  if (process.getuid?.() !== 0 || !succeeds('sh', ['-c', 'command -v dockerd'])) {
    throw new Error('no Docker engine answers `docker info`; start one (e.g. `dockerd --iptables=false &` as root)');
  }
  const logFile = '/var/log/brigade-dockerd.log';
  log(`no Docker engine answers: starting dockerd --iptables=false (log ${logFile}; it stays running afterwards)`);
  const output = openSync(logFile, 'a');
  spawn('dockerd', ['--iptables=false'], { detached: true, stdio: ['ignore', output, output] }).unref();
  for (let i = 0; i < 60; i++) {
    if (succeeds('docker', ['info'], 5_000)) return;
    await sleep(500);
  }
  throw new Error(`dockerd did not answer within 30 s; see ${logFile}`);
}

function composeCommand() {
  if (succeeds('docker', ['compose', 'version'])) return ['docker', 'compose'];
  if (succeeds('docker-compose', ['version'])) return ['docker-compose'];
  throw new Error('neither `docker compose` nor `docker-compose` is installed');
}

/** The public base images docker/Dockerfile and docker/compose.yaml name. */
function baseImages() {
  const dockerfileText = readFileSync(dockerfile, 'utf8');
  const fromArgs = [...dockerfileText.matchAll(/^ARG (?:NODE|RUNTIME)_IMAGE=(\S+)/gm)].map((match) => match[1]);
  const composeText = readFileSync(composeFile, 'utf8');
  const infra = [...composeText.matchAll(/^\s*image:\s*((?:nats|postgres|redis):\S+)/gm)].map((match) => match[1]);
  return [...fromArgs, ...infra];
}

/** The apps compose builds, with the port each listens on: its build arguments. */
function appsOfCompose() {
  const builds = readFileSync(composeFile, 'utf8').matchAll(/args: \{ APP: ([a-z-]+), APP_PORT: "(\d+)" \}/g);
  return new Map([...builds].map((match) => [match[1], match[2]]));
}

function ensureBaseImages() {
  const missing = baseImages().filter((image) => !succeeds('docker', ['image', 'inspect', image]));
  if (missing.length === 0) return;
  const unpulled = missing.filter((image) => {
    log(`pulling ${image}`);
    return !succeeds('docker', ['pull', '--quiet', image], 60_000);
  });
  if (unpulled.length === 0) return;
  log(`no registry gave ${unpulled.join(', ')}: building local stand-ins (docker/standins)`);
  run(join(root, 'docker', 'standins', 'build-standins.sh'), [], { quiet: false });
}

function buildImage(app, tag, context, { noCache = false } = {}) {
  const args = ['build', '--force-rm', '--network', buildNetwork, '-f', join(context, 'docker', 'Dockerfile')];
  if (noCache) args.push('--no-cache');
  args.push('--build-arg', `APP=${app}`, '--build-arg', `APP_PORT=${appsOfCompose().get(app)}`, '-t', tag, context);
  const started = Date.now();
  run('docker', args, { timeoutMs: 20 * 60_000 });
  return Date.now() - started;
}

/** The build inputs (what .dockerignore lets through, give or take) copied to a temporary folder. */
function copyBuildContext() {
  const context = mkdtempSync(join(tmpdir(), 'brigade-docker-context-'));
  const skip = /(^|\/)(node_modules|dist|test|coverage)(\/|$)|\.spec\.ts$/;
  const inputs = ['package.json', 'package-lock.json', 'nx.json', 'tsconfig.base.json', '.swcrc', 'jest.preset.js', '.dockerignore', 'libs', 'apps', 'docker/Dockerfile'];
  for (const input of inputs) {
    cpSync(join(root, input), join(context, input), { recursive: true, filter: (source) => !skip.test(source.slice(root.length)) });
  }
  return context;
}

function imageSize(tag) {
  return Number(run('docker', ['image', 'inspect', '--format', '{{.Size}}', tag]).trim());
}

async function waitForHealthy(compose, timeoutMs = 300_000) {
  const deadline = Date.now() + timeoutMs;
  let states = '';
  while (Date.now() < deadline) {
    const ids = run(compose[0], [...compose.slice(1), ...composeArgs, 'ps', '-q']).split('\n').filter(Boolean);
    const inspected = ids.length === 0 ? '' : run('docker', ['inspect', '--format', '{{.Name}} {{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{end}}', ...ids]);
    const lines = inspected.split('\n').filter(Boolean);
    states = lines.join('; ');
    if (lines.some((line) => / (exited|dead)/.test(line))) throw new Error(`a container stopped: ${states}`);
    if (lines.length >= services.length && lines.every((line) => line.endsWith(' healthy'))) return;
    await sleep(500);
  }
  throw new Error(`not every container became healthy within ${seconds(timeoutMs)}: ${states}`);
}

/** Bearer tokens of the admin and of the consumer who signs up: every route but sign-up and login needs one. */
const tokens = { admin: undefined, consumer: undefined };

async function http(method, port, path, body, token = tokens.admin) {
  const response = await fetch(`http://127.0.0.1:${port}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  return { status: response.status, headers: Object.fromEntries(response.headers), body: text ? JSON.parse(text) : undefined };
}

async function expectCreated(method, port, path, body, token) {
  const response = await http(method, port, path, body, token);
  if (response.status >= 300) throw new Error(`${method} :${port}${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body;
}

async function login(credentials) {
  return (await expectCreated('POST', hostPorts.identity, '/auth/token', credentials, null)).access_token;
}

/** A consumer signed up through identity, open restaurant, then an order until APPROVED (the first may race the events it needs). */
async function placeApprovedOrder(timeoutMs = 120_000) {
  tokens.admin = await login(admin);
  const ada = { email: `ada-${randomUUID().slice(0, 8)}@example.com`, password: `pw-${randomUUID()}` };
  const consumer = await expectCreated('POST', hostPorts.identity, '/auth/signup', { ...ada, name: { firstName: 'Ada', lastName: 'Lovelace' } }, null);
  tokens.consumer = await login(ada);
  const menuItemId = randomUUID();
  const restaurant = await expectCreated('POST', hostPorts.restaurants, '/restaurants', {
    name: 'Pizza Roma',
    address: { street1: '1 Main St', city: 'Oakland', zip: '94611' },
    menu: [{ menuItemId, name: 'Margherita', priceCents: 1250 }],
  });
  await expectCreated('POST', hostPorts.restaurants, `/restaurants/${restaurant.restaurantId}/open`);
  const order = {
    consumerId: consumer.consumerId,
    restaurantId: restaurant.restaurantId,
    lineItems: [{ menuItemId, quantity: 2 }],
    deliveryAddress: { street1: '9 Elm St', city: 'Oakland', zip: '94612' },
  };
  const started = Date.now();
  const deadline = started + timeoutMs;
  let attempts = 0;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    const created = await http('POST', hostPorts.orders, '/orders', order, tokens.consumer);
    if (created.status !== 201) {
      // 404/422 until the restaurant (and its opening) has reached the orders replica.
      last = `POST /orders ${created.status} ${created.body?.code ?? ''}`;
      await sleep(250);
      continue;
    }
    attempts++;
    const { orderId } = created.body;
    while (Date.now() < deadline) {
      const { body: view } = await http('GET', hostPorts.orders, `/orders/${orderId}`, undefined, tokens.consumer);
      if (view?.state === 'APPROVED') return { orderId, attempts, ms: Date.now() - started };
      if (view?.state !== 'APPROVAL_PENDING') {
        last = `order ${orderId} ${view?.state} ${JSON.stringify(view?.rejectionReason ?? '')}`;
        log(`${last}; placing another (the consumer's account may not have reached accounting yet)`);
        break;
      }
      await sleep(250);
    }
  }
  throw new Error(`no order was approved within ${seconds(timeoutMs)}: ${last}`);
}

/** The query side, fed by events only, eventually shows the approved order and its status. */
async function seenByOrderHistory(orderId, timeoutMs = 30_000) {
  const started = Date.now();
  let last = 'no answer yet';
  while (Date.now() - started < timeoutMs) {
    const view = await http('GET', hostPorts['order-history'], `/order-history/orders/${orderId}`, undefined, tokens.consumer);
    const status = await http('GET', hostPorts['order-history'], `/order-history/orders/${orderId}/status`, undefined, tokens.consumer);
    if (view.body?.state === 'APPROVED' && view.body?.consumerName && status.body?.state === 'APPROVED') {
      return { ms: Date.now() - started, servedFrom: status.headers?.['x-served-from'] ?? 'unknown' };
    }
    last = `view ${view.status} ${view.body?.state ?? ''}, status ${status.status} ${status.body?.state ?? ''}`;
    await sleep(250);
  }
  throw new Error(`order-history did not show order ${orderId} APPROVED within ${seconds(timeoutMs)}: ${last}`);
}

/** A courier on shift, the kitchen's steps, then pickup and delivery: until GET /orders/:id shows DELIVERED. */
async function deliverToTheDoor(orderId, timeoutMs = 60_000) {
  const started = Date.now();
  let last = 'no answer yet';
  // Each app hears of the steps before it from NATS (the kitchen of the approval, delivery of the
  // accepted and ready ticket): a step answers 409 until it has.
  const step = async (port, path, body) => {
    for (;;) {
      const answer = await http('POST', port, path, body);
      if (answer.status < 300) return answer.body;
      last = `POST ${path} ${answer.status} ${answer.body?.code ?? ''}`;
      if (answer.status !== 409 || Date.now() - started > timeoutMs) throw new Error(`order ${orderId} not delivered within ${seconds(timeoutMs)}: ${last}`);
      await sleep(250);
    }
  };
  const courier = await expectCreated('POST', hostPorts.delivery, '/couriers', { name: 'Grace' });
  await step(hostPorts.delivery, `/couriers/${courier.courierId}/availability`, { available: true });
  await step(hostPorts.kitchen, `/tickets/${orderId}/accept`, { readyBy: new Date(Date.now() + 30 * 60_000).toISOString() });
  await step(hostPorts.kitchen, `/tickets/${orderId}/preparing`);
  await step(hostPorts.kitchen, `/tickets/${orderId}/ready`);
  await step(hostPorts.delivery, `/deliveries/${orderId}/pickup`);
  await step(hostPorts.delivery, `/deliveries/${orderId}/deliver`);
  while (Date.now() - started < timeoutMs) {
    const { body: view } = await http('GET', hostPorts.orders, `/orders/${orderId}`);
    if (view?.state === 'DELIVERED') return { ms: Date.now() - started };
    last = `order ${view?.state}`;
    await sleep(250);
  }
  throw new Error(`order ${orderId} not DELIVERED within ${seconds(timeoutMs)}: ${last}`);
}

const compose = composeCommand();
const composeArgs = ['-p', project, '-f', composeFile];
const services = ['nats', 'postgres', 'redis', ...appsOfCompose().keys()];
const composeEnv = {
  ...Object.fromEntries(Object.entries(hostPorts).map(([app, port]) => [`${app.toUpperCase().replace(/-/g, '_')}_HTTP_PORT`, String(port)])),
  BRIGADE_ADMIN_EMAIL: admin.email,
  BRIGADE_ADMIN_PASSWORD: admin.password,
};
const figures = [];
let probeContext;
let stackUp = false;
let failed = false;

try {
  await ensureDockerEngine();
  log(`compose: ${compose.join(' ')}; engine: Docker ${run('docker', ['version', '--format', '{{.Server.Version}}']).trim()}`);
  run(compose[0], [...compose.slice(1), ...composeArgs, 'config', '--quiet']);
  ensureBaseImages();

  const apps = [...appsOfCompose().keys()];
  if (apps.length === 0) throw new Error(`no app build found in ${composeFile}`);
  log(`building ${apps.length} images${coldBuild ? ' from scratch (the first without the layer cache)' : ' (with the layer cache of earlier builds)'}`);
  if (coldBuild) {
    spawnSync('docker', ['image', 'rm', ...apps.map((app) => `brigade/${app}:local`)], { stdio: 'ignore' });
    run('docker', ['image', 'prune', '--force']);
  }
  const setStarted = Date.now();
  for (const [index, app] of apps.entries()) {
    const ms = buildImage(app, `brigade/${app}:local`, root, { noCache: coldBuild && index === 0 });
    log(`  brigade/${app}:local built in ${seconds(ms)}`);
  }
  figures.push([`build of the whole set (${apps.length} images, ${coldBuild ? 'from scratch' : 'layer cache'})`, seconds(Date.now() - setStarted)]);

  // A one-line change in one app, made in a copy of the build context so the work tree stays untouched.
  probeContext = copyBuildContext();
  appendFileSync(join(probeContext, 'apps', probeApp, 'src', 'main.ts'), `// docker-smoke rebuild probe ${new Date().toISOString()}\n`);
  const rebuildMs = buildImage(probeApp, `brigade/${probeApp}:smoke-probe`, probeContext);
  figures.push([`rebuild of ${probeApp} after a one-line change`, seconds(rebuildMs)]);
  log(`  ${probeApp} rebuilt after a one-line change in ${seconds(rebuildMs)}`);

  for (const app of apps) figures.push([`image brigade/${app}:local`, `${(imageSize(`brigade/${app}:local`) / 1e6).toFixed(1)} MB`]);

  log('compose up');
  const upStarted = Date.now();
  stackUp = true;
  run(compose[0], [...compose.slice(1), ...composeArgs, 'up', '-d', '--no-build'], { env: composeEnv });
  await waitForHealthy(compose);
  figures.push(['compose up to all healthy', seconds(Date.now() - upStarted)]);
  log(`every container is healthy (${services.join(', ')})`);

  const order = await placeApprovedOrder();
  figures.push(['order placed to APPROVED', `${seconds(order.ms)} (${order.attempts} order${order.attempts === 1 ? '' : 's'})`]);
  log(`order ${order.orderId} APPROVED`);
  const history = await seenByOrderHistory(order.orderId);
  figures.push(['APPROVED to shown by order-history', `${seconds(history.ms)} (status served from ${history.servedFrom})`]);
  log(`order-history shows order ${order.orderId} APPROVED`);
  const delivered = await deliverToTheDoor(order.orderId);
  figures.push(['APPROVED to DELIVERED (courier, kitchen, delivery over HTTP)', seconds(delivered.ms)]);
  log(`order ${order.orderId} DELIVERED`);
} catch (error) {
  failed = true;
  console.error(`[docker-smoke] FAILED: ${error.message}`);
  if (stackUp) {
    console.error('[docker-smoke] last log lines of the stack:');
    spawnSync(compose[0], [...compose.slice(1), ...composeArgs, 'logs', '--no-color', '--tail', '30'], { stdio: 'inherit', env: { ...process.env, ...composeEnv } });
  }
} finally {
  if (stackUp) {
    log('compose down -v');
    spawnSync(compose[0], [...compose.slice(1), ...composeArgs, 'down', '-v', '--remove-orphans'], { stdio: 'ignore', env: { ...process.env, ...composeEnv } });
  }
  spawnSync('docker', ['image', 'rm', `brigade/${probeApp}:smoke-probe`], { stdio: 'ignore' });
  if (probeContext && existsSync(probeContext)) rmSync(probeContext, { recursive: true, force: true });
}

if (figures.length > 0) {
  const width = Math.max(...figures.map(([name]) => name.length));
  console.log('');
  for (const [name, value] of figures) console.log(`  ${name.padEnd(width)}  ${value}`);
  console.log('');
}
log(failed ? 'FAILED (the stack is down; images and dockerd are left in place)' : 'passed (the stack is down; images and dockerd are left in place)');
process.exit(failed ? 1 : 0);
