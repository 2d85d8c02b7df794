/** How far a rebuild's replay has come, as GET /admin/projections reports it and the CLI draws it. Pure. */
export interface RebuildProgress {
  readonly replayedEvents: number;
  /** Unknown (null) until the streams' last sequences have been read. */
  readonly totalEvents: number | null;
  /** 0..100, one decimal; null while the total is unknown. */
  readonly percent: number | null;
  /** Average since the replay started. */
  readonly eventsPerSecond: number;
  /** At that rate; null while unknown (no total, or nothing replayed yet). */
  readonly etaSeconds: number | null;
}

export function progressOf(replayed: number, total: number | null, elapsedMs: number): RebuildProgress {
  const eventsPerSecond = elapsedMs > 0 ? Math.round((replayed / elapsedMs) * 1000 * 10) / 10 : 0;
  if (total === null) return { replayedEvents: replayed, totalEvents: null, percent: null, eventsPerSecond, etaSeconds: null };
  const done = Math.min(replayed, total);
  const percent = total === 0 ? 100 : Math.floor((done / total) * 1000) / 10;
  const remaining = total - done;
  const etaSeconds = remaining === 0 ? 0 : eventsPerSecond > 0 ? Math.ceil(remaining / eventsPerSecond) : null;
  return { replayedEvents: replayed, totalEvents: total, percent, eventsPerSecond, etaSeconds };
}

/** Events a stream holds from its first to `lastSequence` (the stream keeps everything: none deleted in between). */
export function eventsUpTo(firstSequence: number, lastSequence: number): number {
  return lastSequence >= firstSequence && lastSequence > 0 ? lastSequence - firstSequence + 1 : 0;
}

/** A progress line for a terminal: `[#########.........]  45.0%  4500/10000 events  1200.0/s  ETA 5s`. */
export function progressLine(progress: RebuildProgress, width = 30): string {
  const filled = progress.percent === null ? 0 : Math.round((progress.percent / 100) * width);
  const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
  const percent = progress.percent === null ? '   ?  ' : `${progress.percent.toFixed(1).padStart(5)}%`;
  const count = `${progress.replayedEvents}/${progress.totalEvents ?? '?'} events`;
  const eta = progress.etaSeconds === null ? 'ETA ?' : `ETA ${formatDuration(progress.etaSeconds)}`;
  return `${bar} ${percent}  ${count}  ${progress.eventsPerSecond.toFixed(1)}/s  ${eta}`;
}

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m${String(seconds % 60).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}
