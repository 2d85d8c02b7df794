import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { BaseConfig } from '../config/base-config.schema';
import { ensureCorrelationId } from '../request/correlation-id';

/** Headers that must never reach a log line. */
export const REDACTED_PATHS = ['req.headers.authorization', 'req.headers.cookie', 'req.headers["proxy-authorization"]', 'res.headers["set-cookie"]'];

/**
 * Structured JSON logs (no pretty printer: the platform ships JSON to its log pipeline):
 * one line per request carrying the correlation id as `reqId`, probes of /health not logged.
 */
export function loggerParams(serviceName: string, config: Pick<BaseConfig, 'LOG_LEVEL'>): Params {
  return {
    pinoHttp: {
      name: serviceName,
      level: config.LOG_LEVEL,
      genReqId: (request: IncomingMessage, response: ServerResponse) => ensureCorrelationId(request, response),
      customProps: (request: IncomingMessage) => ({ correlationId: ensureCorrelationId(request) }),
      customLogLevel: (_request: IncomingMessage, response: ServerResponse, error?: Error) =>
        error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
      autoLogging: { ignore: (request: IncomingMessage) => (request.url ?? '').startsWith('/health') },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
  };
}
