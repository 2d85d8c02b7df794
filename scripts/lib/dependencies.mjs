// Runs before anything is installed, so it may use Node's built-ins only.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** On a fresh clone, installs the locked dependencies (`npm ci`) before anything needs them. */
export function ensureDependencies(root) {
  if (existsSync(join(root, 'node_modules'))) return;
  console.log('[setup] node_modules is missing: running npm ci');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.error('[setup] npm ci failed');
    process.exit(result.status ?? 1);
  }
}
