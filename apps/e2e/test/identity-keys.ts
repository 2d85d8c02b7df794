import { importJWK, JWK, KeyLike } from 'jose';
import { Client } from 'pg';

/**
 * The identity app's active signing key, read from its own database: what only the issuer holds,
 * so a test can sign a token that differs from a real one in exactly one way (e.g. its expiry).
 */
export async function identitySigningKey(databaseUrl: string): Promise<{ kid: string; privateKey: KeyLike | Uint8Array }> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ kid: string; private_jwk: JWK }>(
      `SELECT kid, private_jwk FROM identity_signing_keys WHERE activates_at <= now() ORDER BY activates_at DESC LIMIT 1`,
    );
    if (!rows[0]) throw new Error('identity has no active signing key');
    return { kid: rows[0].kid, privateKey: await importJWK(rows[0].private_jwk, 'RS256') };
  } finally {
    await client.end();
  }
}
