import { ApiProperty } from '@nestjs/swagger';
import { PROJECTION_NAMES } from '../../projections/registry/projection-tables';

// Response shapes of /admin/projections, for the OpenAPI document.

export class RebuildStartedResponse {
  @ApiProperty({ format: 'uuid' })
  rebuildId: string;

  @ApiProperty({ enum: PROJECTION_NAMES })
  projection: string;

  @ApiProperty({ description: 'The version being built; it becomes the active one when the replay is done.' })
  version: number;
}

export class RebuildProgressResponse {
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  rebuildId: string | null;

  @ApiProperty({ nullable: true, type: Number })
  version: number | null;

  @ApiProperty({ description: 'True while the replay runs in this process.' })
  running: boolean;

  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  startedAt: string | null;

  @ApiProperty({ description: 'Messages of the source streams replayed so far (all of them once finished).' })
  replayedEvents: number;

  @ApiProperty({ nullable: true, type: Number, description: 'Messages in the source streams up to their last sequence when dual-write began.' })
  totalEvents: number | null;

  @ApiProperty({ nullable: true, type: Number })
  percent: number | null;

  @ApiProperty()
  eventsPerSecond: number;

  @ApiProperty({ nullable: true, type: Number })
  etaSeconds: number | null;
}

export class SourcePositionResponse {
  @ApiProperty({ example: 'order-history--orders' })
  durable: string;

  @ApiProperty({ nullable: true, type: String, example: 'ORDERS' })
  stream: string | null;

  @ApiProperty({ nullable: true, type: Number, description: "The durable's ack floor (stream sequence)." })
  position: number | null;

  @ApiProperty({ nullable: true, type: Number })
  streamLastSequence: number | null;

  @ApiProperty({ nullable: true, type: Number, description: "Messages of the durable's subjects not yet acknowledged." })
  lag: number | null;

  @ApiProperty({ nullable: true, type: String })
  error: string | null;
}

export class ProjectionResponse {
  @ApiProperty({ enum: PROJECTION_NAMES })
  name: string;

  @ApiProperty({ description: 'The version queries read.' })
  activeVersion: number;

  @ApiProperty({ enum: ['serving', 'building', 'failed'], description: '`failed`: the last rebuild failed; the active version serves as before.' })
  state: string;

  @ApiProperty({ nullable: true, type: Number, description: 'The version a running rebuild fills (also written by the live consumers).' })
  buildingVersion: number | null;

  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  switchedAt: string | null;

  @ApiProperty({ nullable: true, type: String })
  failure: string | null;

  @ApiProperty({ type: RebuildProgressResponse, nullable: true, description: 'The running or the last rebuild.' })
  rebuild: RebuildProgressResponse | null;

  @ApiProperty({ type: [SourcePositionResponse] })
  sources: SourcePositionResponse[];
}

export class ProjectionsResponse {
  @ApiProperty({ type: [ProjectionResponse] })
  projections: ProjectionResponse[];
}
