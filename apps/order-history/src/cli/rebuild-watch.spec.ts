import { progressOf } from '../projections/rebuild/rebuild-progress';
import { ProjectionSnapshot, rebuildView } from './rebuild-watch';

const snapshot = (overrides: Partial<ProjectionSnapshot>): ProjectionSnapshot => ({
  name: 'order-view',
  activeVersion: 1,
  state: 'building',
  failure: null,
  rebuild: { rebuildId: 'r1', running: true, ...progressOf(50, 100, 1_000) },
  sources: [
    { durable: 'order-history--orders', lag: 2 },
    { durable: 'order-history--kitchen', lag: 1 },
  ],
  ...overrides,
});

describe('watching a rebuild from the CLI', () => {
  it('running: the progress to draw', () => {
    expect(rebuildView(snapshot({}), 'r1', 2)).toEqual({ kind: 'running', progress: expect.objectContaining({ percent: 50 }) });
  });

  it('switched once the version is active, with the durables\' total lag', () => {
    expect(rebuildView(snapshot({ activeVersion: 2, state: 'serving' }), 'r1', 2)).toEqual({ kind: 'switched', lag: 3 });
    expect(rebuildView(snapshot({ activeVersion: 2, state: 'serving', sources: [{ durable: 'x', lag: null }] }), 'r1', 2)).toEqual({ kind: 'switched', lag: null });
  });

  it('failed: the reason the service recorded, or that another rebuild took its place', () => {
    expect(rebuildView(snapshot({ state: 'failed', failure: 'ORDERS ended early' }), 'r1', 2)).toEqual({ kind: 'failed', reason: 'ORDERS ended early' });
    expect(rebuildView(snapshot({ rebuild: { rebuildId: 'r2', running: true, ...progressOf(1, 2, 1) } }), 'r1', 2)).toMatchObject({ kind: 'failed' });
  });
});
