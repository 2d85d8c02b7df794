import { Access } from '@brigade/auth';
import { Controller, Get, Inject, OnApplicationBootstrap, ServiceUnavailableException, Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService, HealthIndicatorFunction, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { ProblemCodes } from '../errors/problem';
import { ProblemException } from '../errors/problem.exception';
import { HEALTH_OPTIONS, HealthOptions, isIndicatorClass } from './health-indicators';
import { withoutServerAddresses } from './health-report';

/**
 * Liveness (`/health/live`: the process answers) and readiness (`/health/ready`, and `/health`:
 * the database and every indicator the app passed are up). Down is a 503 problem carrying
 * terminus' per-indicator report.
 */
@ApiTags('health')
@Access.public()
@Controller('health')
export class HealthController implements OnApplicationBootstrap {
  private readiness: HealthIndicatorFunction[] = [];

  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly moduleRef: ModuleRef,
    @Inject(HEALTH_OPTIONS) private readonly options: HealthOptions,
  ) {}

  /** Indicator classes are looked up once every module is ready, wherever the app provided them. */
  async onApplicationBootstrap(): Promise<void> {
    const checks: HealthIndicatorFunction[] = [];
    if (this.options.database !== false) {
      const timeout = this.options.databaseTimeoutMs ?? 1000;
      checks.push(() => this.database.pingCheck('database', { timeout }));
    }
    for (const indicator of this.options.indicators ?? []) {
      if (isIndicatorClass(indicator)) {
        const provider = await this.instanceOf(indicator);
        checks.push(() => provider.isHealthy());
      } else {
        checks.push(indicator);
      }
    }
    this.readiness = checks;
  }

  /** Singletons come from get(); transient or request-scoped indicators need resolve(). */
  private async instanceOf<T>(type: Type<T>): Promise<T> {
    try {
      return this.moduleRef.get(type, { strict: false });
    } catch {
      return this.moduleRef.resolve(type, undefined, { strict: false });
    }
  }

  @Get()
  @HealthCheck()
  check(): Promise<HealthCheckResult> {
    return this.ready();
  }

  @Get('live')
  @HealthCheck()
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  /** Up or down, the indicators' reports are shown without any server address (see withoutServerAddresses). */
  @Get('ready')
  @HealthCheck()
  async ready(): Promise<HealthCheckResult> {
    try {
      return withoutServerAddresses(await this.health.check(this.readiness));
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      const report = withoutServerAddresses(error.getResponse() as HealthCheckResult);
      const down = Object.keys(report.error ?? {});
      throw new ProblemException({
        status: 503,
        code: ProblemCodes.unavailable,
        title: 'Service Unavailable',
        detail: `Not ready: ${down.join(', ') || 'a dependency'} down.`,
        extensions: { info: report.info, error: report.error, details: report.details },
      });
    }
  }
}
