import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { BaseConfig } from '../config/base-config.schema';
import { ConfigValidationError } from '../config/config-validation.error';
import { SERVICE_CONFIG } from '../config/service-config.token';
import { ServiceAppOptions, createServiceApp } from './create-service-app';

export interface BootstrapOptions extends ServiceAppOptions {
  /** Overrides the PORT of the config (0 = any free port). */
  readonly port?: number;
  /** Interface to bind (default: every IPv4 interface, as a container needs; Fastify alone would bind localhost). */
  readonly host?: string;
}

/**
 * The whole of an app's main.ts: creates the app (see createServiceApp) and listens on PORT.
 * If start-up fails (invalid environment, database unreachable...) it says why and exits 1.
 */
export async function bootstrapService(options: BootstrapOptions): Promise<NestFastifyApplication> {
  let app: NestFastifyApplication;
  try {
    app = await createServiceApp(options);
    const config = app.get<BaseConfig>(SERVICE_CONFIG, { strict: false });
    const port = options.port ?? config.PORT;
    await app.listen(port, options.host ?? '0.0.0.0');
  } catch (error) {
    return failStartup(options.name, error);
  }
  new Logger('Bootstrap').log(`${options.name} listening on ${await app.getUrl()} (OpenAPI at /docs)`);
  return app;
}

function failStartup(name: string, error: unknown): never {
  const reason = error instanceof ConfigValidationError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`${name} failed to start.\n${reason}\n`);
  process.exit(1);
}
