import type { ConsumerRegisteredV1 } from '@brigade/contracts/consumers';
import { currentManager } from '@brigade/event-store';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventPosition, newerThan, versionAfter } from '../stream-position';

/** The table this class writes; a rebuild into `_v2` changes this one constant. */
export const CONSUMERS_TABLE = 'oh_consumers_v1';

/**
 * Consumers' names (fed by consumers.consumer.registered.v1), a dimension joined when an order
 * is read: a registration that arrives after the consumer's orders names them at once. Writes
 * join the consumer's transaction, so they commit with its inbox row.
 */
@Injectable()
export class ConsumerDirectory {
  constructor(private readonly dataSource: DataSource) {}

  async registered(event: ConsumerRegisteredV1, at: EventPosition): Promise<void> {
    await currentManager(this.dataSource).query(
      `INSERT INTO ${CONSUMERS_TABLE} AS c (consumer_id, first_name, last_name, version) VALUES ($1, $2, $3, COALESCE($4::int, 0))
       ON CONFLICT (consumer_id) DO UPDATE SET first_name = EXCLUDED.first_name, last_name = EXCLUDED.last_name,
         version = ${versionAfter('c.version', '$4')}
       WHERE ${newerThan('c.version', '$4')}`,
      [event.consumerId, event.name.firstName, event.name.lastName, at.version],
    );
  }
}
