/**
 * Where a machine's CPU goes, from /proc: the whole machine's busy time (/proc/stat), the load
 * generator's own (process.cpuUsage() of this process) and each service's (utime + stime of its
 * processes, /proc/<pid>/stat). Take a snapshot, run the load, take another: `cpuBetween` gives the
 * CPU milliseconds spent in between. Linux only.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

/** Which service a process belongs to (undefined: none of them); see `serviceOf` in CpuSampler. */
export interface ProcessInfo {
  readonly pid: number;
  readonly comm: string;
  readonly pgrp: number;
}

export interface CpuSnapshot {
  /** performance.now() when taken. */
  readonly at: number;
  readonly machineBusyMs: number;
  readonly benchMs: number;
  /** CPU ms of each process seen, keyed by `pid:starttime` (a reused pid is another process), with its service. */
  readonly processes: ReadonlyMap<string, { readonly service: string; readonly ms: number }>;
}

export interface CpuSpent {
  readonly seconds: number;
  /** The whole machine's busy CPU minus the load generator's. */
  readonly platformMs: number;
  readonly benchMs: number;
  /** Per service; `other` is the rest of platformMs (other processes, the kernel's own work). */
  readonly byService: Readonly<Record<string, number>>;
}

/** Clock ticks per second, the unit of /proc's CPU times (usually 100). */
const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();
const ticksToMs = (ticks: number) => (ticks * 1000) / CLK_TCK;

/** Busy = total − idle − iowait over the first eight columns (user … steal; guest is already in user). */
function machineBusyMs(): number {
  const columns = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1, 9).map(Number);
  const [, , , idle, iowait] = columns;
  return ticksToMs(columns.reduce((a, b) => a + b, 0) - idle - iowait);
}

interface ProcStat extends ProcessInfo {
  readonly starttime: string;
  readonly cpuMs: number;
}

/** /proc/<pid>/stat, or undefined if the process is gone. Fields after the `(comm)` are counted from `state` (3). */
function procStat(pid: number): ProcStat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  const close = text.lastIndexOf(')');
  const comm = text.slice(text.indexOf('(') + 1, close);
  const fields = text.slice(close + 2).split(' ');
  // fields[0] is field 3 (state): pgrp is 5, utime 14, stime 15, starttime 22.
  return { pid, comm, pgrp: Number(fields[2]), cpuMs: ticksToMs(Number(fields[11]) + Number(fields[12])), starttime: fields[19] };
}

export function allPids(): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number);
}

/** The command line of a process (its arguments), [] if it is gone. */
export function cmdline(pid: number): string[] {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return [];
  }
}

export function commOf(pid: number): string | undefined {
  return procStat(pid)?.comm;
}

export class CpuSampler {
  /** `serviceOf` names the service a process belongs to, undefined for any other process. */
  constructor(private readonly serviceOf: (process: ProcessInfo) => string | undefined) {}

  snapshot(): CpuSnapshot {
    const processes = new Map<string, { service: string; ms: number }>();
    for (const pid of allPids()) {
      if (pid === process.pid) continue;
      const stat = procStat(pid);
      const service = stat && this.serviceOf(stat);
      if (stat && service) processes.set(`${pid}:${stat.starttime}`, { service, ms: stat.cpuMs });
    }
    const { user, system } = process.cpuUsage();
    return { at: performance.now(), machineBusyMs: machineBusyMs(), benchMs: (user + system) / 1000, processes };
  }
}

/**
 * CPU spent between two snapshots. A process started in between counts whole; one that ended in
 * between is lost (its last CPU time cannot be read): services keep their processes for the run.
 */
export function cpuBetween(from: CpuSnapshot, to: CpuSnapshot, services: readonly string[]): CpuSpent {
  const byService: Record<string, number> = Object.fromEntries(services.map((service) => [service, 0]));
  for (const [key, { service, ms }] of to.processes) byService[service] = (byService[service] ?? 0) + ms - (from.processes.get(key)?.ms ?? 0);
  const benchMs = to.benchMs - from.benchMs;
  const platformMs = to.machineBusyMs - from.machineBusyMs - benchMs;
  byService.other = platformMs - Object.values(byService).reduce((a, b) => a + b, 0);
  return { seconds: (to.at - from.at) / 1000, platformMs, benchMs, byService };
}
