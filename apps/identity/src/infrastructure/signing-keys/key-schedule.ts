/** A signing key's place in time: published once created, signing from `activatesAt`. */
export interface ScheduledKey {
  readonly kid: string;
  readonly createdAt: Date;
  readonly activatesAt: Date;
}

export interface ScheduleTimes {
  /** Lifetime of the tokens the keys sign. */
  readonly tokenTtlS: number;
  /** Leeway verifiers allow on `exp` (AUTH_CLOCK_SKEW_S). */
  readonly clockSkewS: number;
  /** How late a replica may notice a successor's activation (its key ring's refresh interval). */
  readonly refreshLagMs: number;
}

/**
 * Which key signs and which keys are published, at any moment, from the keys' times alone (so
 * every replica agrees without talking to the others):
 * - the signing key is the one activated last (a key published but not yet active never signs);
 *   the first key signs from the start, even on a replica whose clock runs behind the database's;
 * - a key is published from the moment it is in the table until every token it can have signed has expired: its
 *   successor's activation, plus how late a replica may notice it, plus a token's lifetime and
 *   the verifiers' clock skew. Then it drops out of the JWKS, and tokens it signed stop verifying
 *   (they have all expired by then).
 */
export const keySchedule = {
  signingKeyAt(keys: readonly ScheduledKey[], now: Date): ScheduledKey | null {
    const ordered = byActivation(keys);
    return ordered.filter((key) => key.activatesAt <= now).at(-1) ?? ordered[0] ?? null;
  },

  publishedAt(keys: readonly ScheduledKey[], now: Date, times: ScheduleTimes): ScheduledKey[] {
    return byActivation(keys).filter((key) => {
      const retiresAt = keySchedule.retiresAt(key, keys, times);
      return retiresAt === null || now < retiresAt;
    });
  },

  /** When the key leaves the JWKS, or null while no successor has been scheduled. */
  retiresAt(key: ScheduledKey, keys: readonly ScheduledKey[], times: ScheduleTimes): Date | null {
    const ordered = byActivation(keys);
    const successor = ordered[ordered.findIndex((candidate) => candidate.kid === key.kid) + 1];
    if (!successor) return null;
    const lastToken = successor.activatesAt.getTime() + times.refreshLagMs;
    return new Date(lastToken + (times.tokenTtlS + times.clockSkewS) * 1000);
  },
};

/** Oldest activation first; keys activated at the same instant ordered by creation, then kid. */
function byActivation(keys: readonly ScheduledKey[]): ScheduledKey[] {
  return [...keys].sort(
    (a, b) =>
      a.activatesAt.getTime() - b.activatesAt.getTime() || a.createdAt.getTime() - b.createdAt.getTime() || a.kid.localeCompare(b.kid),
  );
}
