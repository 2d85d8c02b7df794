import { PartitionedQueue } from '../../src/lib/consumer/partitioned-queue';
import { gate } from '@brigade/testing';

interface Item {
  readonly key: string;
  readonly n: number;
}

describe('PartitionedQueue', () => {
  it('runs one item per key at a time, in order, and different keys side by side up to the bound', async () => {
    const log: string[] = [];
    let running = 0;
    let most = 0;
    const queue = new PartitionedQueue<Item>(3, async ([{ key, n }]) => {
      most = Math.max(most, ++running);
      log.push(`start ${key}${n}`);
      await new Promise((resolve) => setTimeout(resolve, 5 + ((n * 7) % 5)));
      log.push(`end ${key}${n}`);
      running--;
    });
    for (let n = 1; n <= 4; n++) for (const key of ['a', 'b', 'c', 'd', 'e']) queue.push(key, { key, n });
    await queue.roomFor(1);

    expect(most).toBe(3);
    for (const key of ['a', 'b', 'c', 'd', 'e']) {
      const own = log.filter((line) => line.split(' ')[1].startsWith(key));
      expect(own).toEqual([1, 2, 3, 4].flatMap((n) => [`start ${key}${n}`, `end ${key}${n}`]));
    }
  });

  it('halts: running items finish, queued ones are handed back unstarted', async () => {
    const started: number[] = [];
    const running = gate();
    const queue = new PartitionedQueue<Item>(1, async ([{ n }]) => {
      started.push(n);
      await running.opened;
    });
    queue.push('a', { key: 'a', n: 1 });
    queue.push('a', { key: 'a', n: 2 });
    queue.push('b', { key: 'b', n: 3 });
    const halted = queue.halt();
    running.open();
    expect((await halted).map((item) => item.n).sort()).toEqual([2, 3]);
    expect(started).toEqual([1]);
    expect(queue.size).toBe(0);
  });

  it('hands a free slot the heads of up to maxBatch ready keys, never two items of one key', async () => {
    const batches: string[][] = [];
    const first = gate();
    const queue = new PartitionedQueue<Item>(
      1,
      async (items) => {
        batches.push(items.map(({ key, n }) => `${key}${n}`));
        await first.opened; // only the first batch waits: the others find it open
      },
      3,
    );
    queue.push('a', { key: 'a', n: 1 }); // a slot is free: a1 starts alone
    for (const key of ['b', 'c', 'd', 'e']) queue.push(key, { key, n: 1 });
    queue.push('a', { key: 'a', n: 2 });
    queue.push('b', { key: 'b', n: 2 });
    first.open();
    await queue.roomFor(1);

    // a2 became ready when a1 finished, b2 when b1 did: they join the next batch, each after its own key's earlier item.
    expect(batches).toEqual([['a1'], ['b1', 'c1', 'd1'], ['e1', 'a2', 'b2']]);
  });

  it('does not batch while slots are free', async () => {
    const sizes: number[] = [];
    const queue = new PartitionedQueue<Item>(
      4,
      async (items) => {
        sizes.push(items.length);
        await new Promise((resolve) => setTimeout(resolve, 5));
      },
      32,
    );
    for (const key of ['a', 'b', 'c', 'd']) queue.push(key, { key, n: 1 });
    await queue.roomFor(1);

    expect(sizes).toEqual([1, 1, 1, 1]);
  });
});
