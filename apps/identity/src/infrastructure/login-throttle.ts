import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** A throttling key and how many failures it may have in a window. */
export interface ThrottleKey {
  /** `email:<normalised email>` or `address:<client address>`. */
  readonly key: string;
  readonly maxFailures: number;
}

export type ThrottleVerdict = { readonly throttled: false } | { readonly throttled: true; readonly retryAfterS: number };

/** Expired windows are deleted once every this many attempts (the table would otherwise keep every key ever tried). */
const PRUNE_EVERY_ATTEMPTS = 200;

/**
 * Failed logins counted in PostgreSQL, so that every replica sees the same counts. Per key, a
 * window opens with its first failure and lasts `windowS`; once a key has `maxFailures` in its
 * window, further attempts are refused until the window ends.
 *
 * An attempt counts as a failure from the moment it starts (one atomic upsert that also answers
 * whether the key is over its limit), and is given back if the password was right: so attempts
 * sent in parallel cannot check more passwords than the limit allows. Times are the database's
 * clock, one for every replica; rows are written in key order, so concurrent attempts never deadlock.
 */
@Injectable()
export class LoginThrottle {
  private attemptsSincePrune = 0;

  constructor(private readonly dataSource: DataSource) {}

  /** Counts the attempt against every key; throttled when any key is now over its limit. */
  async attempt(keys: readonly ThrottleKey[], windowS: number): Promise<ThrottleVerdict> {
    const inWindow = 'f.window_started_at > now() - make_interval(secs => $2)';
    const rows: Array<{ key: string; failures: number; retry_after_s: number }> = await this.dataSource.query(
      `INSERT INTO identity_login_failures AS f (key, window_started_at, failures)
       SELECT key, now(), 1 FROM unnest($1::text[]) AS key
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN ${inWindow} THEN f.failures + 1 ELSE 1 END,
         window_started_at = CASE WHEN ${inWindow} THEN f.window_started_at ELSE now() END
       RETURNING key, failures, CEIL(EXTRACT(EPOCH FROM (window_started_at + make_interval(secs => $2) - now())))::int AS retry_after_s`,
      [keys.map((k) => k.key).sort(), windowS],
    );
    await this.pruneNowAndThen(windowS);
    const over = rows.filter((row) => row.failures > (keys.find((k) => k.key === row.key)?.maxFailures ?? Infinity));
    if (over.length === 0) return { throttled: false };
    return { throttled: true, retryAfterS: Math.max(1, ...over.map((row) => row.retry_after_s)) };
  }

  /** The key's failures are forgotten (a successful login's email). */
  async forget(key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM identity_login_failures WHERE key = $1`, [key]);
  }

  /** The attempt counted against the key was no failure after all (a successful login's client address). */
  async giveBack(key: string): Promise<void> {
    await this.dataSource.query(`UPDATE identity_login_failures SET failures = failures - 1 WHERE key = $1 AND failures > 0`, [key]);
  }

  private async pruneNowAndThen(windowS: number): Promise<void> {
    if (++this.attemptsSincePrune < PRUNE_EVERY_ATTEMPTS) return;
    this.attemptsSincePrune = 0;
    await this.dataSource.query(`DELETE FROM identity_login_failures WHERE window_started_at <= now() - make_interval(secs => $1)`, [windowS]);
  }
}
