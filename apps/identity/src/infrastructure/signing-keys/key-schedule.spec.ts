import { keySchedule, ScheduledKey } from './key-schedule';

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, 0) + seconds * 1000);
const key = (kid: string, createdS: number, activatesS: number): ScheduledKey => ({ kid, createdAt: at(createdS), activatesAt: at(activatesS) });
const times = { tokenTtlS: 900, clockSkewS: 30, refreshLagMs: 5_000 };

describe('key schedule', () => {
  const first = key('first', 0, 0);
  // Rotated at 1000 s with a 60 s activation delay.
  const second = key('second', 1000, 1060);

  it('signs with the only key and publishes it', () => {
    expect(keySchedule.signingKeyAt([first], at(10))?.kid).toBe('first');
    expect(keySchedule.publishedAt([first], at(10), times).map((k) => k.kid)).toEqual(['first']);
  });

  it('publishes a new key at once but keeps signing with the old one until the new one activates', () => {
    expect(keySchedule.publishedAt([first, second], at(1000), times).map((k) => k.kid)).toEqual(['first', 'second']);
    expect(keySchedule.signingKeyAt([first, second], at(1059))?.kid).toBe('first');
    expect(keySchedule.signingKeyAt([first, second], at(1060))?.kid).toBe('second');
  });

  it('keeps the old key published until its last token expired: successor activation + refresh lag + TTL + skew', () => {
    const retires = 1060 + 5 + 900 + 30;
    expect(keySchedule.retiresAt(first, [first, second], times)).toEqual(at(retires));
    expect(keySchedule.publishedAt([first, second], at(retires - 1), times).map((k) => k.kid)).toEqual(['first', 'second']);
    expect(keySchedule.publishedAt([first, second], at(retires), times).map((k) => k.kid)).toEqual(['second']);
  });

  it('never retires the newest key', () => {
    expect(keySchedule.retiresAt(second, [first, second], times)).toBeNull();
  });

  it('follows rotations in quick succession: each key retires after the next one activates', () => {
    const third = key('third', 1001, 1061);
    expect(keySchedule.signingKeyAt([third, first, second], at(1060))?.kid).toBe('second');
    expect(keySchedule.signingKeyAt([third, first, second], at(1061))?.kid).toBe('third');
    expect(keySchedule.retiresAt(second, [first, second, third], times)).toEqual(at(1061 + 5 + 930));
  });

  it('signs with the first key even before this clock reaches its activation (a replica behind the database’s clock)', () => {
    expect(keySchedule.signingKeyAt([key('first', 10, 10)], at(9))?.kid).toBe('first');
  });

  it('has no signing key without keys', () => {
    expect(keySchedule.signingKeyAt([], at(10))).toBeNull();
  });
});
