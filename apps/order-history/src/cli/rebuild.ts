// `nx run order-history:rebuild -- --projection <name> [--url http://127.0.0.1:3007] [--token <admin access token>]`
// Starts a rebuild of one projection on a running order-history service (POST
// /admin/projections/:name/rebuild), then follows it (GET /admin/projections) with a progress
// bar on stderr until the new version is active. Those routes are admins' only: the admin's
// bearer token comes from --token or BRIGADE_ACCESS_TOKEN (so it stays out of the shell history). Exit 0 once switched, 1 if the service refused
// or the rebuild failed (the active version keeps serving either way), 2 on bad arguments.
import { parseArgs } from 'node:util';
import { progressLine } from '../projections/rebuild/rebuild-progress';
import { ProjectionSnapshot, rebuildView } from './rebuild-watch';

const POLL_MS = 500;
/** Without a terminal (CI logs), a line at most this often instead of one redrawn line. */
const PLAIN_LINE_MS = 5_000;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      projection: { type: 'string' },
      url: { type: 'string', default: process.env['ORDER_HISTORY_URL'] ?? 'http://127.0.0.1:3007' },
      token: { type: 'string', default: process.env['BRIGADE_ACCESS_TOKEN'] },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help || !values.projection) {
    process.stderr.write(
      'usage: nx run order-history:rebuild -- --projection <order-view|restaurant-directory|consumer-directory> [--url <order-history base URL>] [--token <admin access token>, or BRIGADE_ACCESS_TOKEN]\n',
    );
    return values.help ? 0 : 2;
  }
  const base = values.url.replace(/\/+$/, '');
  const name = values.projection;
  const send = requester(values.token);

  const start = await send(`${base}/admin/projections/${encodeURIComponent(name)}/rebuild`, 'POST');
  if (start.status !== 202) return fail(`order-history refused the rebuild (${start.status}): ${describeProblem(start.body)}`);
  const { rebuildId, version } = start.body as { rebuildId: string; version: number };
  process.stderr.write(`Rebuilding ${name} into version ${version} (rebuild ${rebuildId}); the current version serves meanwhile.\n`);

  const draw = progressDrawer();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    const answer = await send(`${base}/admin/projections`, 'GET');
    if (answer.status !== 200) return fail(`GET /admin/projections answered ${answer.status}: ${describeProblem(answer.body)}`);
    const snapshot = (answer.body as { projections: ProjectionSnapshot[] }).projections.find((p) => p.name === name);
    if (!snapshot) return fail(`GET /admin/projections does not list ${name}`);
    const view = rebuildView(snapshot, rebuildId, version);
    if (view.kind === 'running') {
      if (view.progress) draw(progressLine(view.progress));
      continue;
    }
    draw.end();
    if (view.kind === 'failed') return fail(`the rebuild failed; version ${snapshot.activeVersion} still serves: ${view.reason}`);
    if (snapshot.rebuild) process.stderr.write(`${progressLine({ ...snapshot.rebuild, percent: 100, etaSeconds: 0 })}\n`);
    process.stderr.write(`Switched: ${name} serves version ${snapshot.activeVersion}; durables' lag ${view.lag ?? 'unknown'}.\n`);
    return 0;
  }
}

/** One line redrawn in place on a terminal; occasional plain lines otherwise. */
function progressDrawer(): ((line: string) => void) & { end(): void } {
  const tty = process.stderr.isTTY === true;
  let drawn = false;
  let lastPlain = 0;
  const draw = (line: string): void => {
    if (tty) {
      process.stderr.write(`\r${line}\x1b[K`);
      drawn = true;
    } else if (Date.now() - lastPlain >= PLAIN_LINE_MS) {
      process.stderr.write(`${line}\n`);
      lastPlain = Date.now();
    }
  };
  return Object.assign(draw, {
    end: () => {
      if (drawn) process.stderr.write('\n');
      drawn = false;
    },
  });
}

type Request = (url: string, method: 'GET' | 'POST') => Promise<{ status: number; body: unknown }>;

/** Calls with the admin's bearer token when given (without one the service answers 401). */
function requester(token: string | undefined): Request {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  return (url, method) => request(url, method, headers);
}

async function request(url: string, method: 'GET' | 'POST', headers: Record<string, string>): Promise<{ status: number; body: unknown }> {
  let response: Response;
  try {
    response = await fetch(url, { method, headers, signal: AbortSignal.timeout(10_000) });
  } catch (error) {
    throw new Error(`cannot reach order-history at ${url}: ${(error as Error).cause ?? (error as Error).message}`);
  }
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) };
  } catch {
    return { status: response.status, body: text };
  }
}

function describeProblem(body: unknown): string {
  const problem = body as { code?: string; detail?: string; message?: string } | null;
  if (problem && typeof problem === 'object') return [problem.code, problem.detail ?? problem.message].filter(Boolean).join(': ') || JSON.stringify(body);
  return String(body);
}

function fail(message: string): number {
  process.stderr.write(`rebuild: ${message}\n`);
  return 1;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`rebuild: ${error.message}\n`);
    process.exit(error instanceof TypeError && /argument|option/i.test(error.message) ? 2 : 1);
  },
);
