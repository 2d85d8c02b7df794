import { ConsoleLogger, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ConfigValidationError } from '../config/config-validation.error';
import { EdgeOptions, configureServiceApp } from './configure-service-app';
import { ServiceHttpAdapter } from './service-http-adapter';

export interface ServiceAppOptions extends EdgeOptions {
  /** The app's root module; it must import ServiceModule.forRoot(...). */
  readonly module: Type<unknown>;
  /** Largest JSON request body in bytes (default 100 kB); larger ones get a 413 problem. */
  readonly bodyLimitBytes?: number;
  /**
   * Attaches the app's microservice transports (e.g. the JetStream consumers) with
   * app.connectMicroservice(...); they are started before the HTTP server listens.
   */
  readonly connectMicroservices?: (app: NestFastifyApplication) => void | Promise<void>;
}

/**
 * Nest's console logger until pino takes over (configureServiceApp). Nest logs a failed start-up
 * with its stack trace; an invalid environment is no bug in the code, so that report is left to
 * the caller, who names each bad variable (bootstrapService prints one line per variable).
 */
class StartupLogger extends ConsoleLogger {
  override error(message: unknown, ...rest: unknown[]): void {
    if (message instanceof ConfigValidationError) return;
    super.error(message, ...rest);
  }
}

/**
 * Everything bootstrapService does except listening: component tests call
 * `const app = await createServiceApp(...); await app.listen(0, '127.0.0.1')`.
 * Errors (invalid config, unreachable database) are thrown, never turned into an abort.
 */
export async function createServiceApp(options: ServiceAppOptions): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(options.module, new ServiceHttpAdapter(options.bodyLimitBytes), {
    bufferLogs: true,
    // The adapter parses JSON bodies itself (ServiceHttpAdapter); Nest's parsers would add form bodies.
    bodyParser: false,
    abortOnError: false,
    logger: new StartupLogger(),
  });
  try {
    configureServiceApp(app, options);
    await options.connectMicroservices?.(app);
    await app.startAllMicroservices();
    await app.init();
    return app;
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
}
