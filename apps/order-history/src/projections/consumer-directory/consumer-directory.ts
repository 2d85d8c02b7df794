import type { ConsumerRegisteredV1 } from '@brigade/contracts/consumers';
import { currentManager } from '@brigade/event-store';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProjectionRegistry } from '../registry/projection-registry';
import { consumersTable } from '../registry/projection-tables';
import { EventPosition, newerThan, versionAfter } from '../stream-position';

/**
 * Consumers' names (fed by consumers.consumer.registered.v1), a dimension joined when an order
 * is read: a registration that arrives after the consumer's orders names them at once. Writes
 * join the consumer's transaction, so they commit with its inbox row.
 * Table `oh_consumers_v<N>`: every version the registry says is written (two during a rebuild).
 */
@Injectable()
export class ConsumerDirectory {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: ProjectionRegistry,
  ) {}

  async registered(event: ConsumerRegisteredV1, at: EventPosition): Promise<void> {
    for (const version of this.registry.writeVersions('consumer-directory')) await this.register(consumersTable(version), event, at);
  }

  private async register(table: string, event: ConsumerRegisteredV1, at: EventPosition): Promise<void> {
    await currentManager(this.dataSource).query(
      `INSERT INTO ${table} AS c (consumer_id, first_name, last_name, version) VALUES ($1, $2, $3, COALESCE($4::int, 0))
       ON CONFLICT (consumer_id) DO UPDATE SET first_name = EXCLUDED.first_name, last_name = EXCLUDED.last_name,
         version = ${versionAfter('c.version', '$4')}
       WHERE ${newerThan('c.version', '$4')}`,
      [event.consumerId, event.name.firstName, event.name.lastName, at.version],
    );
  }
}
