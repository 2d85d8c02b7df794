import { createHash } from 'node:crypto';

/**
 * A CPU-bound yardstick for the machine's speed at the time of a run: ms for `count` SHA-256
 * digests of 64 bytes, one core, timed in the same run as the figures it qualifies.
 */
export function referenceMs(count = 200_000): number {
  const input = Buffer.alloc(64, 7);
  const start = performance.now();
  for (let i = 0; i < count; i++) createHash('sha256').update(input).digest();
  return performance.now() - start;
}
