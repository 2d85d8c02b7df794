import { eventsUpTo, formatDuration, progressLine, progressOf } from './rebuild-progress';

describe('rebuild progress', () => {
  it('percent, rate and ETA from events replayed, the total and the time spent', () => {
    expect(progressOf(4_500, 10_000, 3_000)).toEqual({ replayedEvents: 4_500, totalEvents: 10_000, percent: 45, eventsPerSecond: 1_500, etaSeconds: 4 });
  });

  it('an unknown total or nothing replayed yet gives no percent or no ETA rather than a guess', () => {
    expect(progressOf(0, null, 1_000)).toEqual({ replayedEvents: 0, totalEvents: null, percent: null, eventsPerSecond: 0, etaSeconds: null });
    expect(progressOf(0, 500, 0)).toMatchObject({ percent: 0, eventsPerSecond: 0, etaSeconds: null });
  });

  it('an empty log is done at once; replaying past the total never shows more than 100%', () => {
    expect(progressOf(0, 0, 10)).toMatchObject({ percent: 100, etaSeconds: 0 });
    expect(progressOf(120, 100, 1_000)).toMatchObject({ percent: 100, etaSeconds: 0 });
  });

  it('percent rounds down: 100% only when every event is replayed', () => {
    expect(progressOf(9_999, 10_000, 1_000).percent).toBe(99.9);
  });

  it('counts a stream from its first sequence to the last one read', () => {
    expect(eventsUpTo(1, 250)).toBe(250);
    expect(eventsUpTo(40, 50)).toBe(11);
    expect(eventsUpTo(0, 0)).toBe(0);
    expect(eventsUpTo(251, 250)).toBe(0); // an empty stream after purges: first = last + 1
  });

  it('draws a bar with the count, rate and ETA', () => {
    expect(progressLine(progressOf(50, 100, 10_000), 10)).toBe('[#####.....]  50.0%  50/100 events  5.0/s  ETA 10s');
    expect(progressLine(progressOf(3, null, 1_000), 4)).toBe('[....]    ?    3/? events  3.0/s  ETA ?');
  });

  it('formats durations for humans', () => {
    expect(formatDuration(59)).toBe('59s');
    expect(formatDuration(61)).toBe('1m01s');
    expect(formatDuration(3_725)).toBe('1h02m');
  });
});
