import Redis from 'ioredis';
import type { OrderHistoryConfig } from '../../config/order-history.config';

/**
 * A Redis client tuned for a cache that must never slow the app down: no offline queue (a command
 * sent while disconnected fails at once instead of waiting), no resending of commands that were in
 * flight when the connection dropped (a write from before an outage must not land after it), a
 * short command timeout, and reconnection forever with a backoff capped at one second. It connects
 * when connect() is called; the app starts whether Redis answers or not.
 */
export function createRedisClient(config: Pick<OrderHistoryConfig, 'REDIS_URL' | 'REDIS_COMMAND_TIMEOUT_MS'>): Redis {
  return new Redis(config.REDIS_URL, {
    lazyConnect: true,
    enableOfflineQueue: false,
    autoResendUnfulfilledCommands: false,
    maxRetriesPerRequest: 0,
    commandTimeout: config.REDIS_COMMAND_TIMEOUT_MS,
    connectTimeout: 1_000,
    retryStrategy: (attempt) => Math.min(50 * 2 ** attempt, 1_000),
    connectionName: 'order-history',
  });
}
