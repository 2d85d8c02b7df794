import type { Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { EdgeOptions, configureServiceApp } from './configure-service-app';

export interface ServiceAppOptions extends EdgeOptions {
  /** The app's root module; it must import ServiceModule.forRoot(...). */
  readonly module: Type<unknown>;
  /**
   * Attaches the app's microservice transports (e.g. the JetStream consumers) with
   * app.connectMicroservice(...); they are started before the HTTP server listens.
   */
  readonly connectMicroservices?: (app: NestExpressApplication) => void | Promise<void>;
}

/**
 * Everything bootstrapService does except listening: component tests call
 * `const app = await createServiceApp(...); await app.listen(0)`.
 * Errors (invalid config, unreachable database) are thrown, never turned into an abort.
 */
export async function createServiceApp(options: ServiceAppOptions): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(options.module, {
    bufferLogs: true,
    bodyParser: false,
    abortOnError: false,
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
