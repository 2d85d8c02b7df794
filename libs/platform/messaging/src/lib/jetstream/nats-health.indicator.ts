import { Inject, Injectable, Logger } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { NatsConnection } from '@nats-io/transport-node';
import { NATS_CONNECTION } from './nats-connection.token';

/**
 * Up when the shared connection answers a round trip to the server within the timeout. The
 * answer never names the server (/health is public): why it is down is a fixed phrase, and the
 * client's error, which may carry the server's address, goes to the log.
 */
@Injectable()
export class NatsHealthIndicator {
  private readonly logger = new Logger('NatsHealthIndicator');

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    private readonly health: HealthIndicatorService,
  ) {}

  async isHealthy(key = 'nats', timeoutMs = 1_000): Promise<HealthIndicatorResult> {
    const indicator = this.health.check(key);
    if (this.nc.isClosed()) return indicator.down({ reason: 'connection closed' });
    let timer: NodeJS.Timeout | undefined;
    try {
      const rttMs = await Promise.race([
        this.nc.rtt(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new NoAnswer(timeoutMs)), timeoutMs);
          timer.unref();
        }),
      ]);
      return indicator.up({ rttMs });
    } catch (error) {
      if (error instanceof NoAnswer) return indicator.down({ reason: error.message });
      this.logger.warn({ msg: 'NATS round trip failed', error: error instanceof Error ? error.message : String(error) });
      return indicator.down({ reason: 'round trip failed' });
    } finally {
      clearTimeout(timer);
    }
  }
}

class NoAnswer extends Error {
  constructor(timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
  }
}
