import { durableName, JetStreamServer } from '@brigade/messaging';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { RebuildRunningError } from '../../domain/order-history.errors';
import { ConsumerDirectory } from '../consumer-directory/consumer-directory';
import { CourierDirectory } from '../courier-directory/courier-directory';
import { OrderView } from '../order-view/order-view';
import type { ProjectionFeed } from '../projection-feed';
import { ProjectionRegistry } from '../registry/projection-registry';
import { PROJECTIONS, ProjectionName } from '../registry/projection-tables';
import { RestaurantDirectory } from '../restaurant-directory/restaurant-directory';
import { eventsUpTo, progressOf, RebuildProgress } from './rebuild-progress';
import { MessageNotReplayed, replayStreams, ReplaySource } from './stream-replay';

/** What POST /admin/projections/:name/rebuild answers. */
export interface RebuildStarted {
  readonly rebuildId: string;
  readonly projection: ProjectionName;
  readonly version: number;
}

/** A rebuild running in this process. */
export interface RunningRebuild extends RebuildStarted {
  readonly startedAt: string;
  readonly progress: RebuildProgress;
}

interface Run {
  readonly started: RebuildStarted;
  readonly startedAt: number;
  /** Of the request that started it: a failure is logged under it, and the failure shown names it. */
  readonly correlationId: string;
  replayed: number;
  total: number | null;
}

/** Who asked for a rebuild. */
export interface RebuildRequest {
  readonly correlationId?: string;
}

/** The replay stopped because the app is shutting down: a reason fit to show as it is. */
class RebuildInterrupted extends Error {
  constructor() {
    super('the app is shutting down');
  }
}

/**
 * Rebuilds a projection into a new version while the active one keeps serving, then switches:
 *
 * 1. The next version's tables are created and dual-write is turned on: from the next event on,
 *    the live consumers apply every event to the active AND the new version, in one transaction.
 * 2. Then (not before) the last sequence of each source stream is read. Every message after it
 *    reaches the live consumers after dual-write was on, so it is written to the new version by
 *    them; every message up to it is written by the replay.
 * 3. The source streams are replayed side by side from their start up to that sequence into the
 *    new version only, in batches written set-based through the projection's own feed, the one
 *    the live consumers use (stream-replay.ts). Live writes and the replay meet in the new
 *    version in any interleaving, which the views are built for: idempotent and order-insensitive.
 * 4. The switch: one transaction makes the new version active (registry). Queries read it from
 *    the next request on, the live consumers write only it, and the Redis cache serves only keys
 *    of the new version, so nothing cached from the old one is read again.
 *
 * Nothing is lost: an event either precedes the sequence read in step 2 (replayed) or follows it
 * (applied live, or waiting in its durable, whose lag GET /admin/projections shows). Nothing is
 * doubled: applying an event twice is a no-op. One rebuild per projection at a time; a failure
 * drops the new tables and leaves the active version as it was. Its cause (SQL, driver or NATS
 * text) is logged under the correlation id of the request that started the rebuild; the failure
 * GET /admin/projections shows names the message that failed and that correlation id only.
 */
@Injectable()
export class ProjectionRebuilder implements OnModuleDestroy {
  private readonly logger = new Logger(ProjectionRebuilder.name);
  private readonly runs = new Map<ProjectionName, Run | 'starting'>();
  private stopping = false;

  constructor(
    private readonly registry: ProjectionRegistry,
    private readonly server: JetStreamServer,
    private readonly dataSource: DataSource,
    private readonly orderView: OrderView,
    private readonly consumerDirectory: ConsumerDirectory,
    private readonly restaurantDirectory: RestaurantDirectory,
    private readonly courierDirectory: CourierDirectory,
  ) {}

  async start(name: ProjectionName, request: RebuildRequest = {}): Promise<RebuildStarted> {
    const current = this.runs.get(name);
    if (current) throw new RebuildRunningError(name, current === 'starting' ? this.registry.activeVersion(name) + 1 : current.started.version);
    this.runs.set(name, 'starting');
    try {
      const sources = this.sourcesOf(name);
      const rebuildId = randomUUID();
      const version = await this.registry.startBuilding(name, rebuildId);
      const correlationId = request.correlationId ?? rebuildId;
      const run: Run = { started: { rebuildId, projection: name, version }, startedAt: Date.now(), correlationId, replayed: 0, total: null };
      this.runs.set(name, run);
      void this.replayAndSwitch(run, sources);
      return run.started;
    } catch (error) {
      this.runs.delete(name);
      throw error;
    }
  }

  running(name: ProjectionName): RunningRebuild | null {
    const run = this.runs.get(name);
    if (!run || run === 'starting') return null;
    return { ...run.started, startedAt: new Date(run.startedAt).toISOString(), progress: progressOf(run.replayed, run.total, Date.now() - run.startedAt) };
  }

  onModuleDestroy(): void {
    // The first hook of a shutdown: the replay stops at its next batch and drops its tables while
    // the database is still there. A replay cut short otherwise is abandoned at the next start-up.
    this.stopping = true;
  }

  private async replayAndSwitch(run: Run, streams: readonly string[]): Promise<void> {
    const { projection, version } = run.started;
    try {
      const { js, jsm } = await this.server.clients();
      const sources: ReplaySource[] = [];
      let total = 0;
      for (const stream of streams) {
        const { state } = await jsm.streams.info(stream);
        sources.push({ stream, range: { first: state.first_seq, last: state.last_seq } });
        total += eventsUpTo(state.first_seq, state.last_seq);
      }
      run.total = total;
      this.logger.log({ msg: 'Projection rebuild replaying', projection, version, streams, totalEvents: total });
      const skipped = await replayStreams(sources, {
        dataSource: this.dataSource,
        js,
        namespace: this.server.settings.namespace,
        feed: this.feedOf(projection),
        inScope: (work) => this.registry.replaying(projection, version, work),
        proceed: () => {
          if (this.stopping) throw new RebuildInterrupted();
        },
        onProgress: (messages) => {
          run.replayed += messages;
        },
      });
      if (this.stopping) throw new RebuildInterrupted();
      await this.registry.switchTo(projection, version, run.replayed, total);
      this.logger.log({ msg: 'Projection rebuilt', projection, version, replayedEvents: run.replayed, skippedEvents: skipped, ms: Date.now() - run.startedAt });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const { correlationId } = run;
      this.logger.error({ msg: 'Projection rebuild failed; the active version keeps serving', projection, version, correlationId, reason });
      await this.registry.abandon(projection, version, failureShown(error, correlationId)).catch((dropError: Error) =>
        this.logger.error({ msg: 'Could not abandon the failed rebuild (dropped at the next start)', projection, version, correlationId, reason: dropError.message }),
      );
    } finally {
      this.runs.delete(projection);
    }
  }

  /** The projection's reading of events and its writer: the live consumers' own. */
  private feedOf(name: ProjectionName): ProjectionFeed<unknown> {
    const feeds: Record<ProjectionName, ProjectionFeed<unknown>> = {
      'order-view': this.orderView,
      'consumer-directory': this.consumerDirectory,
      'restaurant-directory': this.restaurantDirectory,
      'courier-directory': this.courierDirectory,
    };
    return feeds[name];
  }

  /** The streams of the live durables feeding the projection. */
  private sourcesOf(name: ProjectionName): string[] {
    return PROJECTIONS[name].sources.map((handler) => {
      const durable = durableName(this.server.app, handler);
      const group = this.server.handlerGroup(durable);
      if (!group) throw new Error(`The consumer ${durable} is not running in this process: it feeds ${name}`);
      return group.stream;
    });
  }
}

/**
 * The failure GET /admin/projections shows: which message failed, if one did, never its cause's
 * text (SQL, a driver's or the NATS client's message, which may name servers); that is logged
 * under the correlation id this names.
 */
function failureShown(error: unknown, correlationId: string): string {
  if (error instanceof RebuildInterrupted) return error.message;
  const where = error instanceof MessageNotReplayed ? `${error.where} could not be replayed` : 'the replay failed';
  return `${where}; the cause is logged under correlation id ${correlationId}`;
}
