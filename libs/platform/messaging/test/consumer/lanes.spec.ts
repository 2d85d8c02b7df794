import { Lane, LaneKey, LaneScheduler, laneByField, laneKey, roundsByLane } from '../../src/lib/consumer/lanes';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

const saga = laneByField('saga', 'sagaId', { oneTransaction: true });
const account = laneByField('account', 'consumerId');

interface Message {
  readonly name: string;
  readonly keys: readonly LaneKey[];
}

const message = (name: string, ...lanes: Array<[Lane, string]>): Message => ({ name, keys: lanes.map(([lane, key]) => laneKey(lane, key)) });

/** A scheduler whose groups run until the test finishes them, in the order they started. */
function scheduler(maxGroup = 100) {
  const running: Array<{ names: string[]; finish: () => void }> = [];
  const lanes = new LaneScheduler<Message>(
    (group) => new Promise<void>((finish) => running.push({ names: group.map((m) => m.name), finish })),
    maxGroup,
  );
  const groups = () => running.map((group) => group.names);
  return { lanes, running, groups };
}

describe('LaneScheduler', () => {
  it('runs a message at once when its lanes are free', async () => {
    const { lanes, groups } = scheduler();
    void lanes.submit([message('v1', [saga, 's1'])]);
    expect(groups()).toEqual([['v1']]);
  });

  it('holds messages of a running key back, then runs what waited together', async () => {
    const { lanes, running, groups } = scheduler();
    const first = lanes.submit([message('consumer-verdict', [saga, 's1'])]);
    const later = [lanes.submit([message('kitchen-verdict', [saga, 's1'])]), lanes.submit([message('payment-verdict', [saga, 's1'])])];
    await tick();
    expect(groups()).toEqual([['consumer-verdict']]);

    running[0].finish();
    await first;
    expect(groups()).toEqual([['consumer-verdict'], ['kitchen-verdict', 'payment-verdict']]);
    running[1].finish();
    await Promise.all(later);
    expect(lanes.size).toBe(0);
  });

  it('runs messages of other keys alongside', async () => {
    const { lanes, groups } = scheduler();
    void lanes.submit([message('a', [saga, 's1'])]);
    void lanes.submit([message('b', [saga, 's2'])]);
    expect(groups()).toEqual([['a'], ['b']]);
  });

  it('never puts two messages of one key in a group when the lane wants a transaction each', async () => {
    const { lanes, running, groups } = scheduler();
    void lanes.submit([message('o1', [account, 'c1']), message('o2', [account, 'c2']), message('o3', [account, 'c1'])]);
    expect(groups()).toEqual([['o1', 'o2']]);
    running[0].finish();
    await tick();
    expect(groups()).toEqual([['o1', 'o2'], ['o3']]);
  });

  it('puts messages of one key in one group when the lane allows one transaction', async () => {
    const { lanes, groups } = scheduler();
    void lanes.submit([message('v1', [saga, 's1']), message('v2', [saga, 's1']), message('other', [saga, 's2'])]);
    expect(groups()).toEqual([['v1', 'v2', 'other']]);
  });

  it('keeps a batch’s messages together, and each key in arrival order', async () => {
    const { lanes, running, groups } = scheduler();
    void lanes.submit([message('holds-c1', [account, 'c1'])]);
    // One batch: `both` and `c3` in its first round, `c2-after` (c2 again) in its second.
    void lanes.submit([message('both', [account, 'c1'], [account, 'c2']), message('c2-after', [account, 'c2']), message('c3', [account, 'c3'])]);
    expect(groups()).toEqual([['holds-c1']]);
    running[0].finish();
    await tick();
    expect(groups()).toEqual([['holds-c1'], ['both', 'c3']]);
    running[1].finish();
    await tick();
    expect(groups()).toEqual([['holds-c1'], ['both', 'c3'], ['c2-after']]);
  });

  it('caps a group at maxGroup messages; what did not fit waits its turn', async () => {
    const { lanes, running, groups } = scheduler(2);
    void lanes.submit([message('x', [saga, 's1'])]);
    for (const name of ['a', 'b', 'c']) void lanes.submit([message(name, [saga, 's1'])]);
    running[0].finish();
    await tick();
    expect(groups()).toEqual([['x'], ['a', 'b']]);
    running[1].finish();
    await tick();
    expect(groups()).toEqual([['x'], ['a', 'b'], ['c']]);
  });

  it('answers a submission once all its messages ran, and frees the keys even when a group throws', async () => {
    const lanes = new LaneScheduler<Message>(async (group) => {
      if (group.some((m) => m.name === 'boom')) throw new Error('settled badly');
    }, 10);
    await lanes.submit([message('boom', [saga, 's1'])]);
    await lanes.submit([message('after', [saga, 's1'])]);
    expect(lanes.size).toBe(0);
  });
});

describe('roundsByLane', () => {
  const batch = [message('1', [account, 'k1']), message('2', [account, 'k1']), message('3', [saga, 'k2']), message('4', [saga, 'k2'])];
  const names = (rounds: Message[][]) => rounds.map((round) => round.map((m) => m.name));

  it('splits messages so that no round holds two of one key, each key in order', () => {
    expect(names(roundsByLane(batch))).toEqual([['1', '3'], ['2', '4']]);
  });

  it('keeps messages of a one-transaction lane in one round when asked to (sharing)', () => {
    expect(names(roundsByLane(batch, { sharing: true }))).toEqual([['1', '3', '4'], ['2']]);
  });
});

describe('laneByField', () => {
  it('keys a payload by its field, and takes no lane without one', () => {
    const lane = laneByField('create-order-saga', 'orderId');
    expect(lane.key({ orderId: 'o-1' })).toBe('o-1');
    expect(lane.key({ orderId: '' })).toBeUndefined();
    expect(lane.key({ orderId: 7 })).toBeUndefined();
    expect(lane.key(null)).toBeUndefined();
    expect(lane.key('o-1')).toBeUndefined();
    expect(lane.oneTransaction).toBe(false);
    expect(saga.oneTransaction).toBe(true);
  });
});
