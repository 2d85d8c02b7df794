import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { ComponentAppOptions, ComponentEnvironment, ComponentEnvironmentOptions } from './component-environment';
import { FixtureEvent } from './publish-fixture';
import { PublishedMessage } from './published-messages';

export interface ComponentApp {
  readonly baseUrl: string;
  /** Sent with every call(app, ...): an admin's bearer token, unless the call overrides it. */
  readonly headers: Readonly<Record<string, string>>;
  readonly subjectPrefix: string;
  readonly dataSource: DataSource;
  readonly nest: NestFastifyApplication;
  readonly environment: ComponentEnvironment;
  /** Everything published on the app's context stream so far, in stream order. */
  readonly published: PublishedMessage[];
  /** Publishes a neighbour's event as its relay would; answers the event id. */
  publish(event: FixtureEvent): Promise<string>;
  /** Rows in es_events: bad input must never change it. */
  storedEventCount(): Promise<number>;
  /** Closes the app, then everything the environment made. */
  close(): Promise<void>;
}

/** A fresh environment with one app running in it: what most component-test files need. */
export async function startComponentApp(options: ComponentEnvironmentOptions & ComponentAppOptions): Promise<ComponentApp> {
  const environment = await ComponentEnvironment.create(options);
  let nest: NestFastifyApplication;
  try {
    nest = await environment.startApp(options);
  } catch (error) {
    await environment.close();
    throw error;
  }
  return componentAppOf(environment, nest);
}

/** The handle of an app started in an environment (also after a restart on the same environment). */
export async function componentAppOf(environment: ComponentEnvironment, nest: NestFastifyApplication): Promise<ComponentApp> {
  const dataSource = nest.get(DataSource);
  return {
    baseUrl: (await nest.getUrl()).replace('[::1]', '127.0.0.1'),
    headers: await environment.issuer.bearer({ role: 'admin' }),
    subjectPrefix: environment.subjectPrefix,
    dataSource,
    nest,
    environment,
    published: environment.published,
    publish: (event) => environment.publish(event),
    storedEventCount: async () => (await dataSource.query('SELECT count(*)::int AS n FROM es_events'))[0].n,
    close: () => environment.close(),
  };
}
