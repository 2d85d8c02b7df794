import { consumerRegisteredV1 } from '@brigade/contracts/consumers';
import { currentManager } from '@brigade/event-store';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProjectionEvents, ProjectionFeed } from '../projection-feed';
import { ProjectionRegistry } from '../registry/projection-registry';
import { consumersTable } from '../registry/projection-tables';
import { newest, Versioned } from '../stream-position';

/** A consumer's name, as a registration gives it. */
export interface ConsumerChange {
  readonly consumerId: string;
  readonly name: Versioned<{ readonly firstName: string; readonly lastName: string }>;
}

const CONSUMER_EVENTS: ProjectionEvents<ConsumerChange> = {
  [consumerRegisteredV1.subject]: (payload, at) => {
    const { consumerId, name } = consumerRegisteredV1.parse(payload);
    return { consumerId, name: { version: at.version, value: { firstName: name.firstName, lastName: name.lastName } } };
  },
};

/**
 * Consumers' names (fed by consumers.consumer.registered.v1), a dimension joined when an order
 * is read: a registration that arrives after the consumer's orders names them at once. Writes
 * join the consumer's transaction, so they commit with its inbox row.
 * Table `oh_consumers_v<N>`: every version the registry says is written (two during a rebuild).
 * A batch (one live event, or a replay's) is folded per consumer (the newest registration) and
 * written in one multi-row upsert, in consumer-id order, guarded by the stream version.
 */
@Injectable()
export class ConsumerDirectory extends ProjectionFeed<ConsumerChange> {
  protected readonly events = CONSUMER_EVENTS;

  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: ProjectionRegistry,
  ) {
    super();
  }

  async apply(changes: readonly ConsumerChange[]): Promise<void> {
    const folded = new Map<string, ConsumerChange>();
    for (const change of changes) {
      const consumerId = change.consumerId.toLowerCase();
      folded.set(consumerId, { consumerId, name: newest(folded.get(consumerId)?.name ?? null, change.name) });
    }
    const rows = [...folded.values()].sort((a, b) => (a.consumerId < b.consumerId ? -1 : 1));
    if (rows.length === 0) return;
    // ON CONFLICT sees the version only as inserted (0 for none): registrations without one are applied as they come, apart.
    const versioned = rows.filter((r) => r.name.version !== null);
    const unversioned = rows.filter((r) => r.name.version === null);
    for (const version of this.registry.writeVersions('consumer-directory')) {
      await this.upsert(consumersTable(version), versioned, 'WHERE c.version < EXCLUDED.version');
      await this.upsert(consumersTable(version), unversioned, '');
    }
  }

  private async upsert(table: string, rows: readonly ConsumerChange[], guard: string): Promise<void> {
    if (rows.length === 0) return;
    await currentManager(this.dataSource).query(
      `INSERT INTO ${table} AS c (consumer_id, first_name, last_name, version)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::int[])
       ON CONFLICT (consumer_id) DO UPDATE SET first_name = EXCLUDED.first_name, last_name = EXCLUDED.last_name,
         version = GREATEST(c.version, EXCLUDED.version) ${guard}`,
      [rows.map((r) => r.consumerId), rows.map((r) => r.name.value.firstName), rows.map((r) => r.name.value.lastName), rows.map((r) => r.name.version ?? 0)],
    );
  }
}
