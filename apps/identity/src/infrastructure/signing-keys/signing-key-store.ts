import { Injectable } from '@nestjs/common';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, JWK } from 'jose';
import { DataSource } from 'typeorm';
import type { ScheduledKey } from './key-schedule';

export const SIGNING_ALGORITHM = 'RS256';
const MODULUS_BITS = 2048;

export interface StoredSigningKey extends ScheduledKey {
  readonly privateJwk: JWK;
  /** Public parts only: kty, n, e, kid, alg, use. */
  readonly publicJwk: JWK;
}

interface KeyRow {
  kid: string;
  private_jwk: JWK;
  public_jwk: JWK;
  created_at: Date;
  activates_at: Date;
}

/**
 * `identity_signing_keys`: RSA key pairs, their kid the RFC 7638 thumbprint of the public key.
 * Times come from the database's clock, the same for every replica.
 */
@Injectable()
export class SigningKeyStore {
  constructor(private readonly dataSource: DataSource) {}

  async all(): Promise<StoredSigningKey[]> {
    const rows: KeyRow[] = await this.dataSource.query(
      `SELECT kid, private_jwk, public_jwk, created_at, activates_at FROM identity_signing_keys ORDER BY activates_at, created_at, kid`,
    );
    return rows.map((row) => ({
      kid: row.kid,
      privateJwk: row.private_jwk,
      publicJwk: row.public_jwk,
      createdAt: new Date(row.created_at),
      activatesAt: new Date(row.activates_at),
    }));
  }

  /**
   * The first key, active at once, when there is none: at first start. Replicas starting together
   * take turns on an advisory lock, so exactly one of them creates it.
   */
  async ensureFirstKey(): Promise<void> {
    if (await this.hasKeys()) return;
    const pair = await newKeyPair();
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('identity_signing_keys'))`);
      const [{ n }]: Array<{ n: number }> = await manager.query(`SELECT count(*)::int AS n FROM identity_signing_keys`);
      if (n > 0) return;
      await manager.query(`INSERT INTO identity_signing_keys (kid, private_jwk, public_jwk, activates_at) VALUES ($1, $2, $3, now())`, [
        pair.kid,
        pair.privateJwk,
        pair.publicJwk,
      ]);
    });
  }

  /** A new key, published now, signing `activationDelayS` seconds from now. */
  async addKey(activationDelayS: number): Promise<ScheduledKey> {
    const pair = await newKeyPair();
    const [row]: KeyRow[] = await this.dataSource.query(
      `INSERT INTO identity_signing_keys (kid, private_jwk, public_jwk, activates_at)
       VALUES ($1, $2, $3, now() + make_interval(secs => $4))
       RETURNING kid, created_at, activates_at`,
      [pair.kid, pair.privateJwk, pair.publicJwk, activationDelayS],
    );
    return { kid: row.kid, createdAt: new Date(row.created_at), activatesAt: new Date(row.activates_at) };
  }

  private async hasKeys(): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM identity_signing_keys LIMIT 1`);
    return rows.length > 0;
  }
}

async function newKeyPair(): Promise<{ kid: string; privateJwk: JWK; publicJwk: JWK }> {
  const { publicKey, privateKey } = await generateKeyPair(SIGNING_ALGORITHM, { extractable: true, modulusLength: MODULUS_BITS });
  const exported = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(exported);
  const publicJwk: JWK = { kty: exported.kty, n: exported.n, e: exported.e, kid, alg: SIGNING_ALGORITHM, use: 'sig' };
  return { kid, privateJwk: { ...(await exportJWK(privateKey)), kid, alg: SIGNING_ALGORITHM }, publicJwk };
}
