import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { NatsConnection } from '@nats-io/transport-node';
import { NATS_CONNECTION } from './nats-connection.token';

/** Up when the shared connection answers a round trip to the server within the timeout. */
@Injectable()
export class NatsHealthIndicator {
  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    private readonly health: HealthIndicatorService,
  ) {}

  async isHealthy(key = 'nats', timeoutMs = 1_000): Promise<HealthIndicatorResult> {
    const indicator = this.health.check(key);
    if (this.nc.isClosed()) return indicator.down({ reason: 'connection closed' });
    try {
      const rttMs = await Promise.race([
        this.nc.rtt(),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs).unref()),
      ]);
      return indicator.up({ server: this.nc.getServer(), rttMs });
    } catch (error) {
      return indicator.down({ server: this.nc.getServer(), reason: error instanceof Error ? error.message : String(error) });
    }
  }
}
