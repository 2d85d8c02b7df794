import { courierRegisteredV1 } from '@brigade/contracts/delivery';
import { currentManager } from '@brigade/event-store';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProjectionEvents, ProjectionFeed } from '../projection-feed';
import { ProjectionRegistry } from '../registry/projection-registry';
import { couriersTable } from '../registry/projection-tables';
import { newest, Versioned } from '../stream-position';

/** A courier's name, as a registration gives it. */
export interface CourierChange {
  readonly courierId: string;
  readonly name: Versioned<string>;
}

const COURIER_EVENTS: ProjectionEvents<CourierChange> = {
  [courierRegisteredV1.subject]: (payload, at) => {
    const { courierId, name } = courierRegisteredV1.parse(payload);
    return { courierId, name: { version: at.version, value: name } };
  },
};

/**
 * Couriers' names (fed by delivery.courier.registered.v1), a dimension joined when an order is
 * read, as consumers' names are (consumer-directory.ts, the same shape): a registration that
 * arrives after the courier's deliveries names them at once. Table `oh_couriers_v<N>`: every
 * version the registry says is written. A batch is folded per courier (the newest registration)
 * and written in one multi-row upsert, in courier-id order, guarded by the stream version.
 */
@Injectable()
export class CourierDirectory extends ProjectionFeed<CourierChange> {
  protected readonly events = COURIER_EVENTS;

  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: ProjectionRegistry,
  ) {
    super();
  }

  async apply(changes: readonly CourierChange[]): Promise<void> {
    const folded = new Map<string, CourierChange>();
    for (const change of changes) {
      const courierId = change.courierId.toLowerCase();
      folded.set(courierId, { courierId, name: newest(folded.get(courierId)?.name ?? null, change.name) });
    }
    const rows = [...folded.values()].sort((a, b) => (a.courierId < b.courierId ? -1 : 1));
    if (rows.length === 0) return;
    // ON CONFLICT sees the version only as inserted (0 for none): registrations without one are applied as they come, apart.
    const versioned = rows.filter((r) => r.name.version !== null);
    const unversioned = rows.filter((r) => r.name.version === null);
    for (const version of this.registry.writeVersions('courier-directory')) {
      await this.upsert(couriersTable(version), versioned, 'WHERE k.version < EXCLUDED.version');
      await this.upsert(couriersTable(version), unversioned, '');
    }
  }

  private async upsert(table: string, rows: readonly CourierChange[], guard: string): Promise<void> {
    if (rows.length === 0) return;
    await currentManager(this.dataSource).query(
      `INSERT INTO ${table} AS k (courier_id, name, version)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[])
       ON CONFLICT (courier_id) DO UPDATE SET name = EXCLUDED.name, version = GREATEST(k.version, EXCLUDED.version) ${guard}`,
      [rows.map((r) => r.courierId), rows.map((r) => r.name.value), rows.map((r) => r.name.version ?? 0)],
    );
  }
}
