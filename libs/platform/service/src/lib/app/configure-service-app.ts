import type { NestExpressApplication } from '@nestjs/platform-express';
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
 * Applies the shared edge to an app created with `{ bodyParser: false, bufferLogs: true }`
 * (NestFactory or a TestingModule): pino logger, correlation ids, strict validation,
 * problem+json errors, OpenAPI at /docs and shutdown hooks. Call before init()/listen().
 * (JSON bodies are parsed by ServiceModule, after the request logger.)
 */
export function configureServiceApp(app: NestExpressApplication, options: EdgeOptions): NestExpressApplication {
  app.useLogger(app.get(Logger, { strict: false }));
  app.flushLogs();
  // First of all, so that every response (even to an unreadable body) carries a correlation id.
  app.use(correlationIdMiddleware);
  app.useGlobalFilters(new ProblemExceptionFilter());
  app.useGlobalPipes(createValidationPipe());
  app.disable('x-powered-by');
  setupOpenApi(app, { title: options.name, version: options.version ?? '1.0.0', description: options.description });
  app.enableShutdownHooks();
  return app;
}
