import { Namespace } from '../jetstream/naming';
import { NatsPermissions, SubjectPermission, natsUsers } from './nats-permissions';

/** A password written into the file, or read by nats-server from an environment variable (compose). */
export type NatsPassword = { readonly value: string } | { readonly env: string };

export interface NatsAuthorizationOptions {
  /** The subject prefix the apps run with (NATS_SUBJECT_PREFIX): every subject and stream carries it. */
  readonly namespace: Namespace;
  /** The password of each user: every app and the operator. */
  readonly password: (user: string) => NatsPassword;
  /** How to regenerate the file, for its header. */
  readonly regenerate?: string;
}

/** `NATS_PASSWORD_<USER>`: where a compose file (or any environment) keeps a user's password. */
export function natsPasswordVariable(user: string): string {
  return `NATS_PASSWORD_${user.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

/** Random passwords are letters and digits; anything else would need quoting rules we don't need. */
const PLAIN_PASSWORD = /^[A-Za-z0-9_-]{16,}$/;

/**
 * The nats-server `authorization` block: one user per app and the operator, each limited to its
 * permissions. There is no `no_auth_user`, so a client without credentials is refused. The server's
 * other settings (port, JetStream, store) stay on its command line: `nats-server -c <file> -js ...`.
 */
export function natsAuthorizationConfig(options: NatsAuthorizationOptions): string {
  const users = natsUsers(options.namespace).map(({ user, permissions }) => renderUser(user, options.password(user), permissions));
  return [
    '# NATS users and permissions of Brigade, generated from libs/platform/messaging/src/lib/security/nats-access.ts.',
    options.regenerate ? `# Do not edit; regenerate with:\n#   ${options.regenerate}` : '# Do not edit.',
    `# Subject prefix: ${JSON.stringify(options.namespace.subjectPrefix)}`,
    'authorization {',
    '  users = [',
    users.join(',\n'),
    '  ]',
    '}',
    '',
  ].join('\n');
}

function renderUser(user: string, password: NatsPassword, permissions: NatsPermissions): string {
  return [
    '    {',
    `      user: ${JSON.stringify(user)}`,
    `      password: ${renderPassword(user, password)}`,
    '      permissions: {',
    ...renderPermission('publish', permissions.publish),
    ...renderPermission('subscribe', permissions.subscribe),
    '      }',
    '    }',
  ].join('\n');
}

function renderPassword(user: string, password: NatsPassword): string {
  // An unquoted $NAME is a variable, resolved from the environment when the file does not define it.
  if ('env' in password) return `$${password.env}`;
  if (!PLAIN_PASSWORD.test(password.value)) throw new Error(`The NATS password of ${user} must be 16 or more letters, digits, '-' or '_'`);
  return JSON.stringify(password.value);
}

function renderPermission(kind: 'publish' | 'subscribe', permission: SubjectPermission): string[] {
  const lines = [`        ${kind}: {`, ...renderList('allow', permission.allow)];
  if (permission.deny.length > 0) lines.push(...renderList('deny', permission.deny));
  lines.push('        }');
  return lines;
}

function renderList(name: string, subjects: readonly string[]): string[] {
  return [`          ${name}: [`, ...subjects.map((subject) => `            ${JSON.stringify(subject)},`), '          ]'];
}

/** Where docker/compose.yaml mounts the configuration from (relative to the workspace root). */
export const COMPOSE_NATS_CONFIG_FILE = 'docker/nats/nats-auth.conf';

/** The compose file's configuration: no subject prefix, every password from NATS_PASSWORD_<USER>. */
export function composeNatsAuthorizationConfig(): string {
  return natsAuthorizationConfig({
    namespace: { subjectPrefix: '' },
    password: (user) => ({ env: natsPasswordVariable(user) }),
    regenerate: 'node scripts/run-ts.mjs libs/platform/messaging/src/cli/write-nats-config.ts compose',
  });
}
