import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { IncomingMessage } from 'node:http';
import { toRequestBodyError } from '../errors/request-body.error';
import { ensureCorrelationId } from '../request/correlation-id';

/** Default largest JSON body, in bytes: commands are small. */
export const DEFAULT_BODY_LIMIT_BYTES = 100 * 1024;

type ErrorHandler = Parameters<FastifyAdapter['setErrorHandler']>[0];

/**
 * Fastify as the apps' HTTP server (a third of Express's CPU per request, measured in
 * docs/benchmarks.md), set up as the edge needs it:
 * - JSON bodies only, up to `bodyLimitBytes`; other media types are refused with 415, and an
 *   empty JSON body counts as no body (as a bodiless POST with a JSON content type is common).
 * - The request's id is its correlation id: Fastify's request.id, and so the `req.id` of the
 *   access log line (middie hands Fastify's id to pino-http, which then keeps it).
 * - Fastify's own body failures (malformed JSON, too large, unsupported media type) reach Nest's
 *   filters as RequestBodyError, so they keep their REQUEST.* codes instead of becoming anonymous
 *   HttpExceptions.
 */
export class ServiceHttpAdapter extends FastifyAdapter {
  constructor(private readonly bodyLimitBytes: number = DEFAULT_BODY_LIMIT_BYTES) {
    super({ bodyLimit: bodyLimitBytes, genReqId: (request: IncomingMessage) => ensureCorrelationId(request), routerOptions: { ignoreTrailingSlash: true } });
    const fastify = this.getInstance();
    const parseJson = fastify.getDefaultJsonParser('error', 'error');
    fastify.removeAllContentTypeParsers();
    fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) =>
      body.length === 0 ? done(null, undefined) : parseJson(request, body as string, done),
    );
  }

  /** Nest installs its error handler through here (at init): body failures are translated first. */
  override setErrorHandler(handler: ErrorHandler) {
    const limit = this.bodyLimitBytes;
    const translated: ErrorHandler = function (error, request, reply) {
      return handler.call(this, toRequestBodyError(error, limit) as typeof error, request, reply);
    };
    return super.setErrorHandler(translated);
  }
}
