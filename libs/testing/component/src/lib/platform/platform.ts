import { contextStreamName, deadLetterStreamName } from '@brigade/messaging';
import { createTestDatabase, natsUrl, testNamespace, TestDatabase } from '@brigade/testing';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { AppProcess, freePort } from './app-process';

export const PLATFORM_APPS = ['consumers', 'restaurants', 'orders', 'kitchen', 'accounting'] as const;
export type PlatformApp = (typeof PLATFORM_APPS)[number];

const HEALTH_TIMEOUT_MS = 60_000;

/**
 * The running platform of one e2e test file: every app as a real process on a free port, a fresh
 * database each, and one subject prefix of its own shared by all of them, so the run sees neither
 * other test files nor `npm start`.
 */
export class Platform {
  private constructor(
    private readonly processes: Map<PlatformApp, AppProcess>,
    private readonly databases: TestDatabase[],
    readonly subjectPrefix: string,
  ) {}

  static async start(options: { approvalDeadlineMs: number }): Promise<Platform> {
    const namespace = testNamespace();
    const processes = new Map<PlatformApp, AppProcess>();
    const databases: TestDatabase[] = [];
    const platform = new Platform(processes, databases, namespace.subjectPrefix);
    try {
      for (const app of PLATFORM_APPS) {
        const database = await createTestDatabase(`e2e_${app}`);
        databases.push(database);
        const env = {
          DATABASE_URL: database.url,
          NATS_URL: natsUrl(),
          NATS_SUBJECT_PREFIX: namespace.subjectPrefix,
          LOG_LEVEL: 'warn',
          // Five apps share the test server with other test files (max_connections=100).
          DB_POOL_SIZE: '4',
          NO_COLOR: '1', // captured logs are read as plain text
          ...(app === 'orders' ? { ORDERS_APPROVAL_DEADLINE_MS: String(options.approvalDeadlineMs) } : {}),
        };
        processes.set(app, new AppProcess(app, await freePort(), env));
      }
      await Promise.all([...processes.values()].map((running) => running.waitUntilHealthy(HEALTH_TIMEOUT_MS)));
      return platform;
    } catch (error) {
      const logs = [...processes.values()].map((running) => `----- ${running.app} -----\n${running.log()}`).join('\n');
      await platform.stop();
      throw new Error(`The platform did not start: ${(error as Error).message}\n${logs}`);
    }
  }

  app(name: PlatformApp): AppProcess {
    const running = this.processes.get(name);
    if (!running) throw new Error(`${name} is not running`);
    return running;
  }

  /** Kills the apps, then removes their databases and every stream they made under the prefix. */
  async stop(): Promise<void> {
    await Promise.all([...this.processes.values()].map((running) => running.kill()));
    await Promise.all(this.databases.map((database) => database.drop()));
    await this.deleteStreams();
  }

  private async deleteStreams(): Promise<void> {
    const namespace = { subjectPrefix: this.subjectPrefix };
    const nc = await connect({ servers: natsUrl() });
    try {
      const jsm = await jetstreamManager(nc);
      for (const app of PLATFORM_APPS) {
        for (const name of [contextStreamName(namespace, app), deadLetterStreamName(namespace, app)]) {
          await jsm.streams.delete(name).catch(() => undefined); // an app may never have made it
        }
      }
    } finally {
      await nc.close();
    }
  }
}
