import { KeySource, TokenVerifier } from '@brigade/auth';
import { SERVICE_CONFIG } from '@brigade/service';
import { Inject, Injectable, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { createLocalJWKSet, importJWK, JWK, KeyLike } from 'jose';
import type { IdentityConfig } from '../../config/identity.config';
import { keySchedule, ScheduledKey, ScheduleTimes } from './key-schedule';
import { SIGNING_ALGORITHM, SigningKeyStore, StoredSigningKey } from './signing-key-store';

/** Longest a replica goes without reading the key table (shorter when keys activate sooner). */
const MAX_REFRESH_MS = 5_000;
/** Shortest pause between two reads forced by a token naming a kid this replica does not know. */
const UNKNOWN_KID_PAUSE_MS = 1_000;

export interface SigningKey {
  readonly kid: string;
  readonly privateKey: KeyLike | Uint8Array;
}

/**
 * The signing keys as this replica sees them: the key table re-read every few seconds (and when a
 * token names a kid it does not know), so a key another replica created is published, signs and
 * retires here on the same schedule (key-schedule.ts). Creates the first key at first start, and
 * hands the access guard a key resolver over the published keys: identity verifies its own tokens
 * without fetching its own JWKS over HTTP.
 */
@Injectable()
export class KeyRing implements OnModuleInit, OnApplicationBootstrap {
  private keys: { readonly readAt: number; readonly list: readonly StoredSigningKey[] } | null = null;
  private reading: Promise<readonly StoredSigningKey[]> | null = null;
  private lastForcedRead = 0;
  private readonly privateKeys = new Map<string, KeyLike | Uint8Array>();
  private readonly verificationSets = new Map<string, ReturnType<typeof createLocalJWKSet>>();
  readonly times: ScheduleTimes;

  constructor(
    private readonly store: SigningKeyStore,
    private readonly verifier: TokenVerifier,
    @Inject(SERVICE_CONFIG) config: IdentityConfig,
  ) {
    const refreshLagMs = Math.min(MAX_REFRESH_MS, config.IDENTITY_KEY_ACTIVATION_DELAY_S * 1000);
    this.times = { tokenTtlS: config.IDENTITY_TOKEN_TTL_S, clockSkewS: config.AUTH_CLOCK_SKEW_S, refreshLagMs };
  }

  onModuleInit(): void {
    this.verifier.useKeys(this.resolveKey);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.store.ensureFirstKey();
    await this.read();
  }

  /** The key that signs now. */
  async signingKey(): Promise<SigningKey> {
    const key = keySchedule.signingKeyAt(await this.current(), new Date()) as StoredSigningKey | null;
    if (!key) throw new Error('No signing key is active: the first one is created at start-up');
    let privateKey = this.privateKeys.get(key.kid);
    if (!privateKey) {
      privateKey = await importJWK(key.privateJwk, SIGNING_ALGORITHM);
      this.privateKeys.set(key.kid, privateKey);
    }
    return { kid: key.kid, privateKey };
  }

  /** The public keys verifiers must know now, public members only. */
  async publishedKeys(): Promise<JWK[]> {
    return this.published(await this.current()).map(({ publicJwk: { kty, n, e, kid, alg, use } }) => ({ kty, n, e, kid, alg, use }));
  }

  /** After a rotation here: read the table at once rather than at the next refresh. */
  async keyAdded(key: ScheduledKey): Promise<void> {
    const list = await this.read();
    if (!list.some((known) => known.kid === key.kid)) throw new Error(`Key ${key.kid} was added but is not in the key table`);
  }

  /** jose's key resolver over the published keys, for the TokenVerifier. */
  readonly resolveKey: KeySource = async (header, token) => {
    let list = await this.current();
    if (!this.published(list).some((key) => key.kid === header.kid) && Date.now() - this.lastForcedRead >= UNKNOWN_KID_PAUSE_MS) {
      this.lastForcedRead = Date.now();
      list = await this.read();
    }
    return this.verificationSet(this.published(list))(header, token);
  };

  private published(list: readonly StoredSigningKey[]): StoredSigningKey[] {
    return keySchedule.publishedAt(list, new Date(), this.times) as StoredSigningKey[];
  }

  /** One local JWKS per set of published keys, so each public key is imported once, not per token. */
  private verificationSet(keys: readonly StoredSigningKey[]): ReturnType<typeof createLocalJWKSet> {
    const id = keys.map((key) => key.kid).join(',');
    let set = this.verificationSets.get(id);
    if (!set) {
      this.verificationSets.clear();
      set = createLocalJWKSet({ keys: keys.map((key) => key.publicJwk) });
      this.verificationSets.set(id, set);
    }
    return set;
  }

  private async current(): Promise<readonly StoredSigningKey[]> {
    if (this.keys && Date.now() - this.keys.readAt < this.times.refreshLagMs) return this.keys.list;
    return this.read();
  }

  /** Reads the table; concurrent callers share one read. */
  private read(): Promise<readonly StoredSigningKey[]> {
    this.reading ??= this.store
      .all()
      .then((list) => {
        this.keys = { readAt: Date.now(), list };
        return list;
      })
      .finally(() => {
        this.reading = null;
      });
    return this.reading;
  }
}
