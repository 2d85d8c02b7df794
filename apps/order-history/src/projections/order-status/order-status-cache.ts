import { SERVICE_CONFIG } from '@brigade/service';
import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { ChainableCommander, Redis } from 'ioredis';
import type { OrderHistoryConfig } from '../../config/order-history.config';
import { createRedisClient } from '../../infrastructure/redis/redis-client';
import { ChangeKey, OwnedOrderStatus, OrderStatuses } from './order-status';
import { GET_IN_GENERATION, PUT_IF_NEWER } from './order-status-cache.scripts';

/** Entries of abandoned generations go away by themselves; live ones are renewed by every change. */
const ENTRY_TTL_SECONDS = 24 * 60 * 60;
/** What a re-warm loads: the orders changed within this window, most recent first, at most REDIS_REWARM_LIMIT. */
const REWARM_WINDOW_MS = 24 * 60 * 60 * 1000;
const REWARM_BATCH = 500;
/** Wait before trying again to open a generation when Redis answered the connection but not the command. */
const RETRY_GENERATION_MS = 1_000;

/** What a read from the cache found. */
export type CachedStatus =
  | { readonly found: 'hit'; readonly owned: OwnedOrderStatus }
  /** Not in the current generation: read PostgreSQL, then populate(owned, generation, viewVersion). */
  | { readonly found: 'miss'; readonly generation: number; readonly viewVersion: number }
  /** Redis is down, failing, or warming up: answer from PostgreSQL. */
  | { readonly found: 'unavailable' };

export interface OrderStatusCacheState {
  /** The client's connection state (ready, connecting, reconnecting, end...). */
  readonly connection: string;
  /** True when answers come from Redis: connected and the current generation is warm. */
  readonly serving: boolean;
  readonly generation: number | null;
  /** Writes of committed changes that did not reach Redis since the app started. */
  readonly skippedWrites: number;
  /** Since when Redis has been unusable, if it is. */
  readonly unavailableSince: string | null;
}

/**
 * The Redis copy of every order's status, the hot path of GET /order-history/orders/:id/status.
 * PostgreSQL stays the truth: Redis only ever holds what PostgreSQL committed, and when Redis is
 * down, slow or possibly stale, answers come from PostgreSQL instead. How that is guaranteed:
 *
 * - Written after commit only. The projection reads the order's status inside its transaction,
 *   locked (so it is exactly what the commit makes visible), and hands it here in an after-commit
 *   hook: the cache never shows uncommitted state. A write never throws and is never awaited by
 *   the event's processing: Redis being down costs the consumer nothing.
 * - Versioned. Each order row counts its changes (`version`); an entry is replaced only by a larger
 *   version, checked and written in one Lua script, so two writes landing out of order (two
 *   durables committing changes to one order, a read populating a miss) keep the newer one.
 * - Generations. Key names carry a generation number, kept in Redis (`<prefix>generation`). A
 *   write that could not be made (Redis down, a timeout) leaves the entry stale, and so may a
 *   crash between commit and write, or a connection lost with writes in flight. So every time the
 *   connection becomes ready (the first time, and after each outage), and after any failed write
 *   or read, a NEW generation is started (INCR) and nothing is served from Redis until it is warm
 *   (a burst of failures comes down to one more generation): entries
 *   of earlier generations are never read again and expire (TTL). Scripts are given the generation
 *   the caller believes current and touch nothing in another: a read or populate from before the
 *   switch cannot read or write the new generation. Another instance's switch is learnt from
 *   those answers; a committed change's write is then sent again into the new generation.
 * - Re-warming. A new generation is filled in the background from PostgreSQL with the orders
 *   changed in the last day (most recent first, at most REDIS_REWARM_LIMIT, default 10 000, in
 *   pipelined batches of 500), through the same version-guarded script, so a change committed
 *   meanwhile is never overwritten by the older copy. Only then is Redis served again; an order
 *   outside that set is loaded on its first miss.
 * - Failing fast. No offline queue and a short command timeout (REDIS_COMMAND_TIMEOUT_MS): while
 *   Redis is disconnected nothing is sent at all, and a hung Redis costs one read that timeout,
 *   after which reads go to PostgreSQL until a new generation is open.
 *   An outage is logged once when it starts and once when the cache is warm again, with the
 *   number of writes skipped.
 *
 * - The owner beside the status. Each entry keeps the order's consumer id next to the status (not
 *   in it: the answer does not show it), so a read checks who may see it without another round trip.
 *
 * - Order view versions. Entries are keyed by the version of the order view they come from
 *   (`...:order-status:v<N>:<orderId>`), as the change counts of a rebuilt version start afresh
 *   and cannot be compared with the old one's. Reads use the active version's keys, so after a
 *   rebuild's switch nothing written from the old version is ever served (those entries expire),
 *   and a write from a transaction that began before the switch lands in keys no one reads.
 *   The new version's keys fill on misses, and at the next re-warm.
 *
 * What remains: an instance that cannot reach Redis while others can (a partition) cannot stop
 * the others from serving entries it failed to update, until it reaches Redis again and switches
 * the generation. With one Redis and its instances on one network, an outage is seen by all.
 */
@Injectable()
export class OrderStatusCache implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(OrderStatusCache.name);
  private readonly redis: Redis;
  private readonly prefix: string;
  private readonly rewarmLimit: number;
  private generation: number | null = null;
  private serving = false;
  /** A new generation is wanted (set by every failure, cleared when an opening starts). */
  private renewalRequested = false;
  private renewing = false;
  private skippedWrites = 0;
  private unavailableSince: Date | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private closing = false;

  constructor(
    @Inject(SERVICE_CONFIG) config: OrderHistoryConfig,
    private readonly statuses: OrderStatuses,
  ) {
    this.prefix = config.REDIS_KEY_PREFIX;
    this.rewarmLimit = config.REDIS_REWARM_LIMIT;
    this.redis = createRedisClient(config);
    this.redis.defineCommand('putOrderStatus', { numberOfKeys: 2, lua: PUT_IF_NEWER });
    this.redis.defineCommand('getOrderStatus', { numberOfKeys: 2, lua: GET_IN_GENERATION });
    this.redis.on('ready', () => this.renewGeneration());
    this.redis.on('error', (error: Error) => this.becameUnavailable(error.message));
    this.redis.on('close', () => this.becameUnavailable('connection closed'));
  }

  onModuleInit(): void {
    // Not awaited: the app starts and answers from PostgreSQL until Redis is there. Keys name the
    // order view's version, so Redis is used only once the registry says which one is active.
    this.statuses
      .ready()
      .then(() => this.redis.connect())
      .catch((error: Error) => this.becameUnavailable(error.message));
  }

  onApplicationShutdown(): void {
    this.closing = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.redis.disconnect();
  }

  state(): OrderStatusCacheState {
    return {
      connection: this.redis.status,
      serving: this.serving,
      generation: this.generation,
      skippedWrites: this.skippedWrites,
      unavailableSince: this.unavailableSince?.toISOString() ?? null,
    };
  }

  async read(orderId: string): Promise<CachedStatus> {
    const generation = this.generation;
    const viewVersion = this.statuses.activeVersion();
    if (!this.serving || generation === null || this.redis.status !== 'ready') return { found: 'unavailable' };
    try {
      const keys = this.keys(generation, viewVersion, orderId);
      const [current, json, consumer] = (await this.commands().getOrderStatus(...keys, String(generation))) as [string, string | null, string | null];
      if (Number(current) !== generation) {
        this.learnGeneration(Number(current));
        return { found: 'miss', generation: Number(current), viewVersion };
      }
      // An entry without its owner (written by an earlier build) cannot be checked: a miss, read from PostgreSQL.
      if (json === null || consumer === null) return { found: 'miss', generation, viewVersion };
      return { found: 'hit', owned: { status: JSON.parse(json), consumerId: consumer === '' ? null : consumer } };
    } catch (error) {
      // Redis does not answer in time: each read would cost the timeout, so none are sent until a new generation is open.
      this.becameUnavailable(messageOf(error));
      this.renewGeneration();
      return { found: 'unavailable' };
    }
  }

  /** After a miss: puts what PostgreSQL answered, unless a newer version or another generation is there. */
  populate(owned: OwnedOrderStatus, generation: number, viewVersion: number): void {
    if (this.redis.status !== 'ready') return;
    this.put(owned, generation, viewVersion).catch(() => undefined); // a populate that fails only costs a later miss
  }

  /**
   * Called once the change that produced `status` (in `viewVersion` of the order view) has committed.
   * Never throws and is not awaited: a write that does not reach Redis is counted and makes the
   * cache start a new generation.
   */
  committed(owned: OwnedOrderStatus, viewVersion: number): void {
    void this.writeCommitted(owned, viewVersion);
  }

  private async writeCommitted(owned: OwnedOrderStatus, viewVersion: number): Promise<void> {
    const generation = this.generation;
    if (generation === null || this.redis.status !== 'ready') return this.skipped(owned, 'not connected');
    try {
      const [result, current] = await this.put(owned, generation, viewVersion);
      if (result !== -1) return;
      // Another generation was opened meanwhile: the change belongs in it too.
      this.learnGeneration(current);
      const [retried] = await this.put(owned, current, viewVersion);
      if (retried === -1) this.skipped(owned, 'the generation changed twice during the write');
    } catch (error) {
      this.skipped(owned, messageOf(error));
    }
  }

  /** The entry of a skipped write may be stale: a new generation, as soon as Redis answers. */
  private skipped({ status }: OwnedOrderStatus, reason: string): void {
    this.skippedWrites += 1;
    this.becameUnavailable(reason);
    this.logger.debug({ msg: 'Order status not written to Redis', orderId: status.orderId, version: status.version, reason });
    this.renewGeneration();
  }

  /**
   * Stops serving from Redis and asks for a new generation, opened at once if Redis is connected,
   * else on the next 'ready'. Requests made while one is being opened (a burst of failed writes)
   * come down to one more opening after it.
   */
  private renewGeneration(): void {
    this.serving = false;
    this.renewalRequested = true;
    if (!this.renewing && this.redis.status === 'ready') void this.renew();
  }

  private async renew(): Promise<void> {
    this.renewing = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    try {
      while (this.renewalRequested && !this.closing) {
        this.renewalRequested = false;
        await this.openGeneration();
      }
    } catch (error) {
      if (this.closing) return;
      this.becameUnavailable(messageOf(error));
      this.renewalRequested = true;
      // Redis did not answer (a timeout, or the connection went): try again shortly; the next 'ready' also will.
      this.retryTimer = setTimeout(() => this.renewGeneration(), RETRY_GENERATION_MS);
      this.retryTimer.unref();
    } finally {
      this.renewing = false;
    }
  }

  /**
   * Opens a new generation and re-warms it; Redis is served again once that is done, unless a new
   * generation was asked for meanwhile (then the re-warm stops early and the next one starts).
   */
  private async openGeneration(): Promise<void> {
    const startedAt = Date.now();
    const generation = await this.redis.incr(this.generationKey());
    this.learnGeneration(generation);
    const entries = await this.rewarm(generation, () => this.renewalRequested || this.closing);
    if (this.renewalRequested || this.closing) return;
    this.serving = true;
    this.logger.log({
      msg: 'Order status cache serving from Redis',
      generation,
      rewarmedEntries: entries,
      rewarmMs: Date.now() - startedAt,
      unavailableSince: this.unavailableSince?.toISOString() ?? null,
      skippedWrites: this.skippedWrites,
    });
    this.unavailableSince = null;
  }

  /**
   * Loads the recently changed orders into `generation`, page by page; answers how many. Stops
   * early when superseded, or when another instance has opened a newer generation (it re-warms).
   */
  private async rewarm(generation: number, superseded: () => boolean): Promise<number> {
    const since = new Date(Date.now() - REWARM_WINDOW_MS);
    const viewVersion = this.statuses.activeVersion();
    let after: ChangeKey | null = null;
    let loaded = 0;
    while (loaded < this.rewarmLimit && !superseded()) {
      const page = await this.statuses.recentlyChanged(viewVersion, since, after, Math.min(REWARM_BATCH, this.rewarmLimit - loaded));
      if (page.length === 0) break;
      const pipeline = this.redis.pipeline() as ChainableCommander & PipelinedCommands;
      for (const { owned } of page) pipeline.putOrderStatus(...this.putArguments(owned, generation, viewVersion));
      for (const [error, reply] of (await pipeline.exec()) ?? []) {
        if (error) throw error;
        const [result, current] = reply as [number, string];
        if (result === -1) {
          this.learnGeneration(Number(current));
          return loaded;
        }
      }
      loaded += page.length;
      after = page[page.length - 1].key;
    }
    return loaded;
  }

  private async put(owned: OwnedOrderStatus, generation: number, viewVersion: number): Promise<[number, number]> {
    const [result, current] = (await this.commands().putOrderStatus(...this.putArguments(owned, generation, viewVersion))) as [number, string];
    return [result, Number(current)];
  }

  private putArguments({ status, consumerId }: OwnedOrderStatus, generation: number, viewVersion: number): string[] {
    const keys = this.keys(generation, viewVersion, status.orderId);
    return [...keys, String(generation), String(status.version), JSON.stringify(status), consumerId ?? '', String(ENTRY_TTL_SECONDS)];
  }

  /** Generations only move forward, whoever opened the newer one. */
  private learnGeneration(generation: number): void {
    if (this.generation === null || generation > this.generation) this.generation = generation;
  }

  /** Logged once per outage: the first failure stops serving from Redis until a new generation is warm. */
  private becameUnavailable(reason: string): void {
    this.serving = false;
    if (this.closing || this.unavailableSince) return;
    this.unavailableSince = new Date();
    this.logger.warn({ msg: 'Redis unavailable: order statuses answered from PostgreSQL until it is back and re-warmed', reason });
  }

  private keys(generation: number, viewVersion: number, orderId: string): [string, string] {
    return [this.generationKey(), `${this.prefix}g${generation}:order-status:v${viewVersion}:${orderId}`];
  }

  private generationKey(): string {
    return `${this.prefix}generation`;
  }

  private commands(): CacheCommands {
    return this.redis as unknown as CacheCommands;
  }
}

/** The scripts defined on the client by defineCommand. */
interface CacheCommands {
  putOrderStatus(...args: string[]): Promise<unknown>;
  getOrderStatus(...args: string[]): Promise<unknown>;
}

/** The same, queued on a pipeline. */
interface PipelinedCommands {
  putOrderStatus(...args: string[]): ChainableCommander;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
