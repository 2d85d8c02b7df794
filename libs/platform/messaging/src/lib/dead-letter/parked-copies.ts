import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';

/**
 * Which dead-letter entries this app parked itself. A dead-letter subject is only as private as
 * the NATS permissions around it: a copy is trusted for a replay when the app's own database
 * holds its digest, written before the copy was published (so a copy JetStream stored always
 * has its row). A copy published by anyone else has none, whatever its headers say.
 */

/** What identifies a parked copy: everything a replay reads of it. */
export interface ParkedCopy {
  /** The dead-letter subject, as on the wire. */
  readonly subject: string;
  /** Its headers (first values); the Nats-* ones are the server's and the client's, and are left out. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
}

/** SHA-256 over the subject, the Brigade headers sorted by name, and the body. */
export function parkedCopyDigest({ subject, headers, body }: ParkedCopy): string {
  const kept = Object.entries(headers)
    .filter(([name]) => !isNatsHeader(name))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256').update(JSON.stringify([subject, kept])).update('\n').update(body).digest('hex');
}

/** Headers the NATS client and server set (Nats-Msg-Id, Nats-Expected-Stream...): never the producer's word. */
export function isNatsHeader(name: string): boolean {
  return name.toLowerCase().startsWith('nats-');
}

/** Records a copy about to be parked. Idempotent: a re-park of the very same copy keeps its row. */
export async function recordParkedCopy(manager: EntityManager, digest: string, consumer: string, eventId: string | null): Promise<void> {
  await manager.query(`INSERT INTO msg_dead_letters (digest, consumer, event_id) VALUES ($1, $2, $3) ON CONFLICT (digest) DO NOTHING`, [
    digest,
    consumer,
    eventId,
  ]);
}

/** The digests among `digests` that this app parked (for `consumer` when given). */
export async function parkedHere(manager: EntityManager, digests: readonly string[], consumer?: string): Promise<Set<string>> {
  if (digests.length === 0) return new Set();
  const rows: Array<{ digest: string }> = await manager.query(
    `SELECT digest FROM msg_dead_letters WHERE digest = ANY($1) AND ($2::text IS NULL OR consumer = $2)`,
    [digests, consumer ?? null],
  );
  return new Set(rows.map((row) => row.digest));
}

/** Forgets a copy once it left the dead-letter stream (replayed or discarded). */
export async function forgetParkedCopy(manager: EntityManager, digest: string): Promise<void> {
  await manager.query(`DELETE FROM msg_dead_letters WHERE digest = $1`, [digest]);
}
