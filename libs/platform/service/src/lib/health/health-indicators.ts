import type { Type } from '@nestjs/common';
import type { HealthIndicatorFunction, HealthIndicatorResult } from '@nestjs/terminus';

/** A provider (resolved from the app's modules) that reports one dependency's health. */
export interface HealthIndicatorProvider {
  isHealthy(): Promise<HealthIndicatorResult>;
}

/**
 * A readiness check besides the database: a function, or a class implementing isHealthy()
 * that some module of the app provides (e.g. the messaging lib's NATS indicator).
 */
export type ReadinessIndicator = HealthIndicatorFunction | Type<HealthIndicatorProvider>;

export interface HealthOptions {
  /** Ping the TypeORM connection (default true; apps without a database set false). */
  readonly database?: boolean;
  /** Milliseconds a database ping may take (default 1000). */
  readonly databaseTimeoutMs?: number;
  readonly indicators?: readonly ReadinessIndicator[];
}

export const HEALTH_OPTIONS = Symbol.for('brigade.health-options');

export function isIndicatorClass(indicator: ReadinessIndicator): indicator is Type<HealthIndicatorProvider> {
  return typeof (indicator as { prototype?: { isHealthy?: unknown } }).prototype?.isHealthy === 'function';
}
