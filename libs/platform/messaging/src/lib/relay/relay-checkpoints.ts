import type { GlobalPosition } from '@brigade/event-store';
import { DataSource } from 'typeorm';

/**
 * Where a relay has got to in the store's global order (table msg_relay_checkpoints). It is
 * only an optimisation and a record of skipped internal events: what was published is read
 * back from the JetStream stream itself, so a checkpoint that lags never causes a duplicate.
 */
export class RelayCheckpoints {
  constructor(private readonly dataSource: DataSource) {}

  async load(relayName: string): Promise<GlobalPosition | null> {
    const rows: { transaction_id: string; sequence: string }[] = await this.dataSource.query(
      'SELECT transaction_id::text AS transaction_id, sequence::text AS sequence FROM msg_relay_checkpoints WHERE relay_name = $1',
      [relayName],
    );
    return rows.length ? { transactionId: rows[0].transaction_id, sequence: rows[0].sequence } : null;
  }

  /** Never moves a checkpoint backwards (a stale writer cannot undo progress). */
  async save(relayName: string, position: GlobalPosition): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO msg_relay_checkpoints (relay_name, transaction_id, sequence, updated_at)
       VALUES ($1, $2::text::xid8, $3::bigint, now())
       ON CONFLICT (relay_name) DO UPDATE
         SET transaction_id = EXCLUDED.transaction_id, sequence = EXCLUDED.sequence, updated_at = now()
         WHERE (msg_relay_checkpoints.transaction_id, msg_relay_checkpoints.sequence)
             < (EXCLUDED.transaction_id, EXCLUDED.sequence)`,
      [relayName, position.transactionId, position.sequence],
    );
  }
}
