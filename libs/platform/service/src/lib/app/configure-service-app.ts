import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { ProblemExceptionFilter } from '../errors/problem-exception.filter';
import { setupOpenApi } from '../openapi/setup-openapi';
import { correlationIdMiddleware } from '../request/correlation-id';
import { createValidationPipe } from '../validation/create-validation-pipe';

export interface EdgeOptions {
  /** The app's name: log lines and the OpenAPI title. */
  readonly name: string;
  /** OpenAPI document version (default '1.0.0'). */
  readonly version?: string;
  readonly description?: string;
}

/**
 * Applies the shared edge to an app created on a ServiceHttpAdapter with `{ bodyParser: false,
 * bufferLogs: true }` (see createServiceApp): pino logger, correlation ids, strict validation,
 * problem+json errors, OpenAPI at /docs and shutdown hooks. Call before init()/listen().
 * (Fastify parses JSON bodies after the middleware, so unreadable bodies are logged with their
 * correlation id.)
 */
export function configureServiceApp(app: NestFastifyApplication, options: EdgeOptions): NestFastifyApplication {
  app.useLogger(app.get(Logger, { strict: false }));
  app.flushLogs();
  // First of all, so that every response (even to an unreadable body) carries a correlation id.
  app.use(correlationIdMiddleware);
  app.useGlobalFilters(new ProblemExceptionFilter());
  app.useGlobalPipes(createValidationPipe());
  setupOpenApi(app, { title: options.name, version: options.version ?? '1.0.0', description: options.description });
  app.enableShutdownHooks();
  return app;
}
