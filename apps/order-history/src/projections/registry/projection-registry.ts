import { runInTransaction } from '@brigade/event-store';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource } from 'typeorm';
import { RebuildRunningError } from '../../domain/order-history.errors';
import { PROJECTION_NAMES, PROJECTIONS, ProjectionName } from './projection-tables';

/** A projection's row in `oh_projections`. */
export interface ProjectionRecord {
  readonly name: ProjectionName;
  readonly activeVersion: number;
  readonly buildingVersion: number | null;
  readonly retiredVersion: number | null;
  readonly state: 'serving' | 'building' | 'failed';
  readonly rebuildId: string | null;
  readonly startedAt: string | null;
  readonly switchedAt: string | null;
  readonly replayedEvents: number | null;
  readonly totalEvents: number | null;
  readonly failure: string | null;
}

interface Versions {
  readonly active: number;
  /** Written by the live consumers as well as the replay while a rebuild runs. */
  readonly building: number | null;
}

/** Set while a rebuild replays a stream: writes go to that one projection's building version only. */
interface ReplayScope {
  readonly name: ProjectionName;
  readonly version: number;
}

/**
 * Which version of each projection is read and which ones are written, from `oh_projections`,
 * kept in memory: one instance per app (as for the durables), so this process is the only one
 * that changes the registry and its copy is always current. Readers ask per request; the live
 * consumers ask per event, so a change applies to the next request or event.
 *
 * - Serving: reads and writes go to the active version.
 * - Building: the live consumers write the active AND the building version (dual-write) while
 *   the replay fills the building one; readers still read the active one.
 * - Switch: one transaction makes the building version active; from the next request on it is
 *   read, and only it is written. The old one is kept, retired and no longer written, until the
 *   next rebuild of the projection drops it: a request or an event already running on it never
 *   meets a dropped table.
 *
 * A rebuild interrupted by a restart is not resumed: at start-up its tables are dropped and the
 * projection marked failed (the active version never stopped being right); run it again.
 */
@Injectable()
export class ProjectionRegistry implements OnModuleInit {
  private readonly logger = new Logger(ProjectionRegistry.name);
  private readonly versions = new Map<ProjectionName, Versions>();
  private readonly replay = new AsyncLocalStorage<ReplayScope>();

  constructor(private readonly dataSource: DataSource) {}

  private loading: Promise<void> | null = null;

  onModuleInit(): Promise<void> {
    return this.load();
  }

  /**
   * Reads the registry (once). Nest runs the init hooks of one module's providers concurrently,
   * so a provider needing the versions during its own init (the Redis cache) awaits this too.
   */
  load(): Promise<void> {
    this.loading ??= this.readRegistry();
    return this.loading;
  }

  private async readRegistry(): Promise<void> {
    for (const record of await this.records()) {
      if (record.state === 'building' && record.buildingVersion !== null) {
        this.logger.warn({ msg: 'A rebuild was interrupted by a restart: its tables are dropped', projection: record.name, version: record.buildingVersion });
        await this.dropTables(record.name, record.buildingVersion);
        await this.dataSource.query(
          `UPDATE oh_projections SET state = 'failed', building_version = NULL, failure = 'interrupted by a restart' WHERE name = $1`,
          [record.name],
        );
      }
      this.versions.set(record.name, { active: record.activeVersion, building: null });
    }
  }

  /** The version read by queries. */
  activeVersion(name: ProjectionName): number {
    return this.versionsOf(name).active;
  }

  /** The versions an event is applied to, oldest first (always the same lock order). */
  writeVersions(name: ProjectionName): number[] {
    const scope = this.replay.getStore();
    if (scope) return scope.name === name ? [scope.version] : [];
    const { active, building } = this.versionsOf(name);
    return building === null ? [active] : [active, building];
  }

  /** True when events are applied by the live consumers (not a replay): only they feed the Redis cache. */
  isLive(): boolean {
    return this.replay.getStore() === undefined;
  }

  /** Runs `work` (the replay of some events) so that it writes only `name`'s building version. */
  replaying<T>(name: ProjectionName, version: number, work: () => Promise<T>): Promise<T> {
    return this.replay.run({ name, version }, work);
  }

  /**
   * Creates the next version's tables and turns dual-write on; answers the version. The retired
   * version (from the previous switch) is dropped now. 409 when a rebuild is running.
   */
  async startBuilding(name: ProjectionName, rebuildId: string): Promise<number> {
    const version = await runInTransaction(this.dataSource, async (manager) => {
      const [row]: RegistryRow[] = await manager.query(`SELECT * FROM oh_projections WHERE name = $1 FOR UPDATE`, [name]);
      if (row.state === 'building' && row.building_version !== null) throw new RebuildRunningError(name, row.building_version);
      const next = row.active_version + 1;
      if (row.retired_version !== null) for (const table of PROJECTIONS[name].tables(row.retired_version)) await manager.query(`DROP TABLE IF EXISTS ${table}`);
      for (const table of PROJECTIONS[name].tables(next)) await manager.query(`DROP TABLE IF EXISTS ${table}`);
      for (const statement of PROJECTIONS[name].create(next)) await manager.query(statement);
      await manager.query(
        `UPDATE oh_projections SET state = 'building', building_version = $2, retired_version = NULL, rebuild_id = $3, started_at = now(),
           replayed_events = 0, total_events = NULL, failure = NULL WHERE name = $1`,
        [name, next, rebuildId],
      );
      return next;
    });
    // Only once the tables are committed: a live event must never be written into a table that may roll back.
    this.versions.set(name, { active: this.activeVersion(name), building: version });
    return version;
  }

  /** The atomic switch: one transaction, then the next request reads the new version. */
  async switchTo(name: ProjectionName, version: number, replayed: number, total: number): Promise<void> {
    const previous = this.activeVersion(name);
    await this.dataSource.query(
      `UPDATE oh_projections SET active_version = $2, retired_version = active_version, building_version = NULL, state = 'serving',
         switched_at = now(), replayed_events = $3, total_events = $4 WHERE name = $1 AND building_version = $2`,
      [name, version, replayed, total],
    );
    this.versions.set(name, { active: version, building: null });
    this.logger.log({ msg: 'Projection switched', projection: name, from: previous, to: version });
  }

  /** A rebuild that failed: dual-write stops first, then its tables go; the active version never stopped serving. */
  async abandon(name: ProjectionName, version: number, failure: string): Promise<void> {
    this.versions.set(name, { active: this.activeVersion(name), building: null });
    await this.dropTables(name, version);
    await this.dataSource.query(`UPDATE oh_projections SET state = 'failed', building_version = NULL, failure = $2 WHERE name = $1`, [name, failure]);
  }

  async records(): Promise<ProjectionRecord[]> {
    const rows: RegistryRow[] = await this.dataSource.query(`SELECT * FROM oh_projections ORDER BY name`);
    return rows.filter((row) => (PROJECTION_NAMES as readonly string[]).includes(row.name)).map(toRecord);
  }

  private async dropTables(name: ProjectionName, version: number): Promise<void> {
    for (const table of PROJECTIONS[name].tables(version)) await this.dataSource.query(`DROP TABLE IF EXISTS ${table}`);
  }

  private versionsOf(name: ProjectionName): Versions {
    const versions = this.versions.get(name);
    if (!versions) throw new Error(`Projection registry not loaded (or no row for ${name})`);
    return versions;
  }
}

interface RegistryRow {
  name: ProjectionName;
  active_version: number;
  building_version: number | null;
  retired_version: number | null;
  state: ProjectionRecord['state'];
  rebuild_id: string | null;
  started_at: Date | null;
  switched_at: Date | null;
  replayed_events: string | null;
  total_events: string | null;
  failure: string | null;
}

function toRecord(row: RegistryRow): ProjectionRecord {
  return {
    name: row.name,
    activeVersion: row.active_version,
    buildingVersion: row.building_version,
    retiredVersion: row.retired_version,
    state: row.state,
    rebuildId: row.rebuild_id,
    startedAt: row.started_at?.toISOString() ?? null,
    switchedAt: row.switched_at?.toISOString() ?? null,
    replayedEvents: row.replayed_events === null ? null : Number(row.replayed_events),
    totalEvents: row.total_events === null ? null : Number(row.total_events),
    failure: row.failure,
  };
}
