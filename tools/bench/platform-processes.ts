/**
 * The processes of a running Platform, by service, for CpuSampler: each app is its launcher's
 * process group (AppProcess starts it detached: `node scripts/run-ts.mjs` and the app it spawns),
 * NATS the platform's own nats-server (found by its port), PostgreSQL every `postgres` process:
 * the machine's one server, shared with whatever else uses it.
 */
import type { Platform, PlatformApp } from '@brigade/component-testing';
import { ProcessInfo, allPids, cmdline, commOf } from './cpu-sampler';

export interface PlatformProcesses {
  readonly services: readonly string[];
  serviceOf(process: ProcessInfo): string | undefined;
}

/** The nats-server listening on `port` (its command line has `-p <port>`). */
function natsServerPid(port: string): number {
  const pids = allPids().filter((pid) => {
    if (commOf(pid) !== 'nats-server') return false;
    const args = cmdline(pid);
    return args[args.indexOf('-p') + 1] === port;
  });
  if (pids.length !== 1) throw new Error(`Expected one nats-server on port ${port}, found ${pids.length}`);
  return pids[0];
}

export function platformProcesses(platform: Platform, apps: readonly PlatformApp[]): PlatformProcesses {
  const natsPid = natsServerPid(new URL(platform.nats.url).port);
  const appOfGroup = new Map<number, string>();
  for (const app of apps) {
    const pid = platform.app(app).pid;
    if (pid === undefined) throw new Error(`${app} has no process`);
    appOfGroup.set(pid, app);
  }
  return {
    services: ['postgres', 'nats', ...apps],
    serviceOf: ({ pid, comm, pgrp }) => (comm === 'postgres' ? 'postgres' : pid === natsPid ? 'nats' : appOfGroup.get(pgrp)),
  };
}
