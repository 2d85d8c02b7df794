import { Access } from '@brigade/auth';
import type { EventMetadata } from '@brigade/event-store';
import { CommandMetadata } from '@brigade/service';
import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ProjectionNotFoundError } from '../../domain/order-history.errors';
import { ProjectionRebuilder, RebuildStarted } from '../../projections/rebuild/projection-rebuilder';
import { SourcePositions } from '../../projections/rebuild/source-positions';
import { ProjectionRecord, ProjectionRegistry } from '../../projections/registry/projection-registry';
import { isProjectionName, PROJECTION_NAMES, ProjectionName } from '../../projections/registry/projection-tables';
import { ProjectionResponse, ProjectionsResponse, RebuildStartedResponse } from './projections-admin.dto';

/**
 * Admin surface of the projections, admins only: what each serves, how far its durables are, and
 * rebuilds. The CLI `nx run order-history:rebuild` drives it.
 */
@ApiTags('admin')
@Access.admin()
@Controller('admin/projections')
export class ProjectionsAdminController {
  constructor(
    private readonly registry: ProjectionRegistry,
    private readonly rebuilder: ProjectionRebuilder,
    private readonly positions: SourcePositions,
  ) {}

  @Get()
  @ApiOperation({ summary: "Each projection's active version, state, rebuild progress, and its durables' positions and lag" })
  @ApiOkResponse({ type: ProjectionsResponse })
  async list(): Promise<ProjectionsResponse> {
    const records = await this.registry.records();
    return { projections: await Promise.all(records.map((record) => this.describe(record))) };
  }

  @Post(':name/rebuild')
  @HttpCode(202)
  @ApiOperation({ summary: 'Rebuilds the projection into a new version from the streams while the active one serves, then switches' })
  @ApiParam({ name: 'name', enum: PROJECTION_NAMES })
  @ApiAcceptedResponse({ type: RebuildStartedResponse })
  @ApiNotFoundResponse({ description: 'No such projection (ORDER_HISTORY.PROJECTION.NOT_FOUND)' })
  @ApiConflictResponse({ description: 'A rebuild of it is running (ORDER_HISTORY.PROJECTION.REBUILD_RUNNING)' })
  rebuild(@Param('name') name: string, @CommandMetadata() { correlationId }: EventMetadata): Promise<RebuildStarted> {
    // A failure is logged under the request's correlation id; the projection's `failure` names it.
    return this.rebuilder.start(projectionNamed(name), { correlationId });
  }

  private async describe(record: ProjectionRecord): Promise<ProjectionResponse> {
    const live = this.rebuilder.running(record.name);
    // The switch commits a moment before the rebuilder forgets its run: a record that already
    // serves the rebuilt version tells of a finished rebuild.
    const running = live && !(record.state === 'serving' && record.activeVersion === live.version) ? live : null;
    const rebuild = running
      ? { rebuildId: running.rebuildId, version: running.version, running: true, startedAt: running.startedAt, ...running.progress }
      : record.rebuildId === null
        ? null
        : {
            rebuildId: record.rebuildId,
            version: record.buildingVersion ?? (record.state === 'serving' ? record.activeVersion : null),
            running: false,
            startedAt: record.startedAt,
            replayedEvents: record.replayedEvents ?? 0,
            totalEvents: record.totalEvents,
            percent: record.state === 'serving' ? 100 : null,
            eventsPerSecond: 0,
            etaSeconds: null,
          };
    return {
      name: record.name,
      activeVersion: record.activeVersion,
      state: record.state,
      buildingVersion: record.buildingVersion,
      switchedAt: record.switchedAt,
      failure: record.failure,
      rebuild,
      sources: await this.positions.of(record.name),
    };
  }
}

function projectionNamed(name: string): ProjectionName {
  if (!isProjectionName(name)) throw new ProjectionNotFoundError(name, PROJECTION_NAMES);
  return name;
}
