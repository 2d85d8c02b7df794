// The development admin of `npm start` when BRIGADE_ADMIN_EMAIL / BRIGADE_ADMIN_PASSWORD are unset:
// made once, kept in tmp/dev-admin.json (git-ignored, readable by this user only), and handed to the
// identity app, which registers it at start-up if no user has that email yet.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const DEV_ADMIN_EMAIL = 'admin@brigade.local';

/**
 * `{ env, notice }` (identityUrl: where the identity app listens): the variables for the identity app, and what to tell the developer once the
 * platform runs (the credentials the first time, where they are afterwards). Nothing when the
 * environment names an admin itself (identity then validates the pair).
 */
export function devAdmin(root, identityUrl, env = process.env) {
  if (env.BRIGADE_ADMIN_EMAIL || env.BRIGADE_ADMIN_PASSWORD) return { env: {}, notice: null };
  const file = join(root, 'tmp', 'dev-admin.json');
  const shown = relative(root, file);
  if (existsSync(file)) {
    const { email, password } = JSON.parse(readFileSync(file, 'utf8'));
    return { env: { BRIGADE_ADMIN_EMAIL: email, BRIGADE_ADMIN_PASSWORD: password }, notice: `Development admin: ${email} (password in ${shown})` };
  }
  const admin = { email: DEV_ADMIN_EMAIL, password: randomBytes(18).toString('base64url') };
  mkdirSync(join(root, 'tmp'), { recursive: true });
  writeFileSync(file, `${JSON.stringify(admin, null, 2)}\n`, { mode: 0o600 });
  return {
    env: { BRIGADE_ADMIN_EMAIL: admin.email, BRIGADE_ADMIN_PASSWORD: admin.password },
    notice: [
      `Development admin created (shown this once, kept in ${shown}):`,
      `    email ${admin.email}   password ${admin.password}`,
      `    log in: POST ${identityUrl}/auth/token {"email":"${admin.email}","password":"…"}`,
      `    (a database that already has ${admin.email} keeps that user's first password)`,
    ].join('\n'),
  };
}
