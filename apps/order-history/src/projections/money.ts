/**
 * Money columns are bigint (a valid order can exceed an integer's 2^31 cents); the pg driver
 * returns them as text, and contracts keep cents within safe integers, so Number() is exact.
 */
export function cents(value: string | null): number | null {
  return value === null ? null : Number(value);
}
