// Runs one server process on behalf of a test process, told over IPC when to start it and
// which signal to send. When the test process goes away (even killed, or a Jest worker torn
// down without running exit hooks) the IPC channel closes, and the guard takes the server
// and its scratch directory with it: no orphaned servers, no leftover files.
'use strict';
const { spawn } = require('node:child_process');
const { closeSync, openSync, rmSync } = require('node:fs');

const config = JSON.parse(process.argv[2]);
let server = null;

// Terminal signals reach the whole process group; shutdown is driven by the channel instead.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => undefined);

process.on('message', (message) => {
  if (message.type === 'start' && !server) start();
  if (message.type === 'signal' && server) server.kill(message.signal);
});

process.on('disconnect', () => {
  if (!server) return finish();
  server.once('exit', finish);
  server.kill(config.exitSignal);
  setTimeout(() => server && server.kill('SIGKILL'), 10_000).unref();
});

function start() {
  const log = openSync(config.logFile, 'a');
  const child = spawn(config.command, config.args, {
    stdio: ['ignore', log, log],
    uid: config.uid,
    gid: config.gid,
    env: { ...process.env, LC_ALL: 'C' },
  });
  closeSync(log);
  server = child;
  child.once('error', (error) => {
    server = null;
    tell({ type: 'exited', error: String(error) });
  });
  child.once('exit', (code, signal) => {
    server = null;
    tell({ type: 'exited', code, signal });
  });
}

function tell(message) {
  if (process.connected) process.send(message);
}

function finish() {
  if (config.cleanupDir) rmSync(config.cleanupDir, { recursive: true, force: true, maxRetries: 3 });
  process.exit(0);
}
