/**
 * A copy of `items` in an order that depends only on `seed` (Fisher-Yates driven by a linear
 * congruential generator): a delivery order a test can reproduce from its seed.
 */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
