import type { RebuildProgress } from '../projections/rebuild/rebuild-progress';

/** The part of a GET /admin/projections entry the CLI reads. */
export interface ProjectionSnapshot {
  readonly name: string;
  readonly activeVersion: number;
  readonly state: 'serving' | 'building' | 'failed';
  readonly failure: string | null;
  readonly rebuild: (RebuildProgress & { readonly rebuildId: string | null; readonly running: boolean }) | null;
  readonly sources: ReadonlyArray<{ readonly durable: string; readonly lag: number | null }>;
}

export type RebuildView =
  | { readonly kind: 'running'; readonly progress: RebuildProgress | null }
  | { readonly kind: 'switched'; readonly lag: number | null }
  | { readonly kind: 'failed'; readonly reason: string };

/** Where our rebuild (`rebuildId`, into `version`) stands, from one snapshot of its projection. Pure. */
export function rebuildView(snapshot: ProjectionSnapshot, rebuildId: string, version: number): RebuildView {
  const ours = snapshot.rebuild?.rebuildId === rebuildId;
  if (snapshot.activeVersion >= version && snapshot.state !== 'building') {
    const lags = snapshot.sources.map((source) => source.lag);
    return { kind: 'switched', lag: lags.some((lag) => lag === null) ? null : lags.reduce<number>((sum, lag) => sum + (lag ?? 0), 0) };
  }
  if (!ours) return { kind: 'failed', reason: 'another rebuild replaced this one (the service restarted?)' };
  if (snapshot.state === 'failed') return { kind: 'failed', reason: snapshot.failure ?? 'unknown failure' };
  return { kind: 'running', progress: snapshot.rebuild?.running ? snapshot.rebuild : null };
}
