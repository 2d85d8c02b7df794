import { Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { OrderStatusCache } from './order-status-cache';

/**
 * Redis on /health, as an optional dependency: the app answers every request from PostgreSQL
 * when Redis is down, so Redis never makes the app unready. Terminus counts any indicator whose
 * status is 'down' against readiness, so this one is always 'up' (the hot path works) and says
 * how: `degraded: true` with `redis: 'down'` (or 'warming' while a new generation is loaded)
 * when answers come from PostgreSQL, `redis: 'up'` when they come from Redis.
 */
@Injectable()
export class OrderStatusCacheHealthIndicator {
  constructor(
    private readonly cache: OrderStatusCache,
    private readonly health: HealthIndicatorService,
  ) {}

  async isHealthy(key = 'redis'): Promise<HealthIndicatorResult> {
    const { connection, serving, generation, skippedWrites, unavailableSince } = this.cache.state();
    const indicator = this.health.check(key);
    if (serving) return indicator.up({ redis: 'up', degraded: false, connection, generation, skippedWrites });
    return indicator.up({
      redis: connection === 'ready' ? 'warming' : 'down',
      degraded: true,
      servedFrom: 'postgres',
      connection,
      generation,
      skippedWrites,
      unavailableSince,
    });
  }
}
