/** Amounts are whole, non-negative cents up to `max`: what every amount in this context must be. */
export function isCents(value: number, max = Number.MAX_SAFE_INTEGER): boolean {
  return Number.isSafeInteger(value) && value >= 0 && value <= max;
}
