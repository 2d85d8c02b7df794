import { randomBytes, scrypt, ScryptOptions, timingSafeEqual } from 'node:crypto';

const BLOCK_SIZE = 8;
const PARALLELISM = 1;
const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** Parameters a stored hash may name; anything outside is a corrupt or hostile value, not a hash to run. */
const LIMITS = { log2N: [10, 20], r: [1, 32], p: [1, 16] } as const;

interface ParsedHash {
  readonly options: ScryptOptions;
  readonly salt: Buffer;
  readonly hash: Buffer;
}

/**
 * scrypt (memory-hard) from node:crypto with a random salt per password, stored as
 * `scrypt$N$r$p$salt$hash` (base64url), so each hash is checked with its own parameters whatever
 * the cost is set to today. Comparison in constant time. A login for an unknown email is checked
 * against a dummy hash of today's cost, so it takes as long as one for a known email.
 */
export class PasswordHasher {
  private dummy: Promise<string> | null = null;

  constructor(private readonly log2N: number) {
    if (!Number.isInteger(log2N) || log2N < LIMITS.log2N[0] || log2N > LIMITS.log2N[1]) throw new Error(`scrypt log2(N) must be ${LIMITS.log2N.join('..')}`);
  }

  async hash(password: string): Promise<string> {
    const options = { N: 2 ** this.log2N, r: BLOCK_SIZE, p: PARALLELISM };
    const salt = randomBytes(SALT_BYTES);
    const hash = await derive(password, salt, KEY_BYTES, options);
    return ['scrypt', options.N, options.r, options.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
  }

  /** Whether `password` is the one `stored` was made from; with `stored` null (no such user), always false, in the same time. */
  async verify(password: string, stored: string | null): Promise<boolean> {
    const parsed = parse(stored ?? (await this.dummyHash()));
    if (!parsed) return false;
    const candidate = await derive(password, parsed.salt, parsed.hash.length, parsed.options);
    return timingSafeEqual(candidate, parsed.hash) && stored !== null;
  }

  private dummyHash(): Promise<string> {
    this.dummy ??= this.hash(randomBytes(SALT_BYTES).toString('base64url'));
    return this.dummy;
  }
}

function derive(password: string, salt: Buffer, length: number, options: ScryptOptions): Promise<Buffer> {
  // Node refuses work above maxmem (32 MiB by default, which N = 2^15 with r = 8 just reaches).
  const maxmem = 256 * (options.N ?? 0) * (options.r ?? 0) * (options.p ?? 1);
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, length, { ...options, maxmem }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

function parse(stored: string): ParsedHash | null {
  const [scheme, n, r, p, salt, hash, ...rest] = stored.split('$');
  const [N, blockSize, parallelism] = [Number(n), Number(r), Number(p)];
  const log2N = Math.log2(N);
  const valid =
    scheme === 'scrypt' &&
    rest.length === 0 &&
    Number.isInteger(log2N) &&
    within(log2N, LIMITS.log2N) &&
    within(blockSize, LIMITS.r) &&
    within(parallelism, LIMITS.p) &&
    /^[A-Za-z0-9_-]{16,}$/.test(salt ?? '') &&
    /^[A-Za-z0-9_-]{16,}$/.test(hash ?? '');
  if (!valid) return null;
  return { options: { N, r: blockSize, p: parallelism }, salt: Buffer.from(salt, 'base64url'), hash: Buffer.from(hash, 'base64url') };
}

function within(value: number, [min, max]: readonly [number, number]): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}
