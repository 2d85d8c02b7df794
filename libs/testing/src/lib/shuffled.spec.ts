import { shuffled } from './shuffled';

describe('shuffled', () => {
  const items = Array.from({ length: 20 }, (_, i) => i);

  it('keeps every item, reorders them, and gives the same order for the same seed', () => {
    const once = shuffled(items, 7);
    expect([...once].sort((a, b) => a - b)).toEqual(items);
    expect(once).not.toEqual(items);
    expect(shuffled(items, 7)).toEqual(once);
    expect(shuffled(items, 8)).not.toEqual(once);
  });
});
