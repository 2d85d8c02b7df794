import { LaneLocks, laneByField } from '../../src/lib/consumer/lanes';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('LaneLocks', () => {
  it('lets one holder of a key run at a time, the next in arrival order', async () => {
    const locks = new LaneLocks();
    const order: string[] = [];
    const first = await locks.acquire(['saga-1']);
    const second = locks.acquire(['saga-1']).then((release) => (order.push('second'), release));
    const third = locks.acquire(['saga-1']).then((release) => (order.push('third'), release));
    await tick();
    expect(order).toEqual([]);
    first();
    (await second)();
    (await third)();
    expect(order).toEqual(['second', 'third']);
    expect(locks.size).toBe(0);
  });

  it('does not hold back other keys', async () => {
    const locks = new LaneLocks();
    const held = await locks.acquire(['saga-1']);
    const other = await locks.acquire(['saga-2']);
    other();
    held();
    expect(locks.size).toBe(0);
  });

  it('takes sets of keys in one order, so crosswise sets both finish', async () => {
    const locks = new LaneLocks();
    const a = locks.acquire(['x', 'y']);
    const b = locks.acquire(['y', 'x']);
    (await a)();
    (await b)();
    expect(locks.size).toBe(0);
  });

  it('waits for every key of a set before answering', async () => {
    const locks = new LaneLocks();
    const heldY = await locks.acquire(['y']);
    let got = false;
    const both = locks.acquire(['x', 'y']).then((release) => ((got = true), release));
    await tick();
    expect(got).toBe(false);
    heldY();
    (await both)();
    expect(got).toBe(true);
  });

  it('releases once, however often it is called', async () => {
    const locks = new LaneLocks();
    const release = await locks.acquire(['k']);
    release();
    const next = await locks.acquire(['k']);
    release();
    let third = false;
    void locks.acquire(['k']).then(() => (third = true));
    await tick();
    expect(third).toBe(false);
    next();
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
  });
});
