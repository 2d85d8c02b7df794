/**
 * Writes the nats-server users and permissions generated from nats-access.ts (run through
 * `node scripts/run-ts.mjs libs/platform/messaging/src/cli/write-nats-config.ts ...`):
 *
 *   compose                      docker/nats/nats-auth.conf: passwords read by nats-server from NATS_PASSWORD_<USER>
 *   local <dir> [--prefix <p>]   random passwords, kept in <dir>/credentials.json and reused on every run;
 *                                writes <dir>/nats-auth.conf (the users) and <dir>/nats-server.conf (the
 *                                users and JetStream with its store in <dir>: npm start's own nats-server)
 *
 * Both files are readable by their owner only when they hold passwords.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NATS_APPS, NATS_OPERATOR_USER } from '../lib/security/nats-access';
import { COMPOSE_NATS_CONFIG_FILE, composeNatsAuthorizationConfig, natsAuthorizationConfig } from '../lib/security/nats-server-config';

const USAGE = 'usage: node scripts/run-ts.mjs libs/platform/messaging/src/cli/write-nats-config.ts compose | local <dir> [--prefix <subject prefix>]';
const WORKSPACE_ROOT = join(__dirname, '..', '..', '..', '..', '..');

/** Keeps the passwords of earlier runs (a running server and its apps must keep matching); adds missing users. */
function writeLocal(dir: string, subjectPrefix: string): void {
  mkdirSync(dir, { recursive: true });
  const credentialsFile = join(dir, 'credentials.json');
  const credentials: Record<string, string> = existsSync(credentialsFile) ? JSON.parse(readFileSync(credentialsFile, 'utf8')) : {};
  for (const user of [...NATS_APPS, NATS_OPERATOR_USER]) credentials[user] ??= randomBytes(18).toString('base64url');
  writeFileSync(credentialsFile, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  const config = natsAuthorizationConfig({ namespace: { subjectPrefix }, password: (user) => ({ value: credentials[user] }) });
  writeFileSync(join(dir, 'nats-auth.conf'), config, { mode: 0o600 });
  // JetStream in the file, not on the command line: a reload (SIGHUP) of a file without it turns JetStream off.
  const jetstream = `\njetstream {\n  store_dir: ${JSON.stringify(dir)}\n}\n`;
  writeFileSync(join(dir, 'nats-server.conf'), config + jetstream, { mode: 0o600 });
}

function main(args: string[]): void {
  const [mode, target, ...rest] = args;
  const prefixAt = rest.indexOf('--prefix');
  const subjectPrefix = prefixAt >= 0 ? (rest[prefixAt + 1] ?? '') : '';
  if (mode === 'compose') return writeFileSync(join(WORKSPACE_ROOT, COMPOSE_NATS_CONFIG_FILE), composeNatsAuthorizationConfig());
  if (mode === 'local' && target) return writeLocal(target, subjectPrefix);
  console.error(USAGE);
  process.exitCode = 2;
}

main(process.argv.slice(2));
