import { DynamicModule, Inject, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { json } from 'express';
import { toRequestBodyError } from '../errors/request-body.error';

/** Default largest JSON body; commands are small. */
export const DEFAULT_BODY_LIMIT = '100kb';

const BODY_LIMIT = Symbol.for('brigade.body-limit');

type Middleware = (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => void;

/**
 * JSON bodies up to `limit`; the parser's failures become RequestBodyError, because Nest would
 * otherwise turn a JSON syntax error into an anonymous 400.
 */
export function jsonBodyMiddleware(limit: string): Middleware {
  const parse = json({ limit });
  return (request, response, next) => parse(request, response, (error?: unknown) => next(error ? toRequestBodyError(error) : undefined));
}

/**
 * Mounts the JSON body parser as module middleware, so it runs after the (global) request logger
 * and unreadable bodies are logged with their correlation id. The app must be created with
 * `bodyParser: false` (createServiceApp does), else Nest's own parser would run first.
 */
@Module({})
export class RequestBodyModule implements NestModule {
  constructor(@Inject(BODY_LIMIT) private readonly limit: string) {}

  static forRoot(limit: string = DEFAULT_BODY_LIMIT): DynamicModule {
    return { module: RequestBodyModule, providers: [{ provide: BODY_LIMIT, useValue: limit }] };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(jsonBodyMiddleware(this.limit)).forRoutes({ path: '*', method: RequestMethod.ALL });
  }
}
