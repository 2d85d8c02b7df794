import { createTestDatabase, testNamespace, TestDatabase } from '@brigade/testing';
import { randomBytes } from 'node:crypto';
import { call } from '../http';
import { AppProcess, freePort } from './app-process';
import { PlatformNats } from './platform-nats';

export const PLATFORM_APPS = ['identity', 'consumers', 'restaurants', 'orders', 'kitchen', 'accounting', 'delivery', 'order-history'] as const;
export type PlatformApp = (typeof PLATFORM_APPS)[number];
/** The apps an order needs to be approved (and identity, which signs the tokens): the command side, without the query side. */
export const SAGA_APPS: readonly PlatformApp[] = ['identity', 'consumers', 'restaurants', 'orders', 'kitchen', 'accounting'];

/** The platform's first admin (BRIGADE_ADMIN_*): its token goes with every call(platform.app(...)) by default. */
export const PLATFORM_ADMIN_EMAIL = 'admin@e2e.brigade.test';

export interface PlatformOptions {
  readonly approvalDeadlineMs: number;
  /** Which apps to run; all of them by default. */
  readonly apps?: readonly PlatformApp[];
}

const HEALTH_TIMEOUT_MS = 60_000;

/**
 * The running platform of one e2e test file: every app as a real process on a free port, a fresh
 * database each, one subject prefix of its own shared by all of them, and a NATS server of its own
 * where each app connects as its own user, so the run sees neither other test files nor `npm start`.
 */
export class Platform {
  /** Incarnations an app had before its current one (killed, then restarted): their logs and exit signals. */
  private readonly retired = new Map<PlatformApp, AppProcess[]>();

  private constructor(
    private readonly processes: Map<PlatformApp, AppProcess>,
    private readonly databases: Map<PlatformApp, TestDatabase>,
    readonly subjectPrefix: string,
    /** The identity app's URL: the issuer of every token (iss) the apps accept. */
    readonly issuer: string,
    /** The first admin's password (its email is PLATFORM_ADMIN_EMAIL). */
    readonly adminPassword: string,
    /** Its own NATS server, with production's users and permissions; `nats.connect()` as the operator. */
    readonly nats: PlatformNats,
  ) {}

  static async start(options: PlatformOptions): Promise<Platform> {
    const namespace = testNamespace();
    const processes = new Map<PlatformApp, AppProcess>();
    const databases = new Map<PlatformApp, TestDatabase>();
    const issuer = `http://127.0.0.1:${await freePort()}`;
    const adminPassword = randomBytes(18).toString('base64url');
    const platform = new Platform(processes, databases, namespace.subjectPrefix, issuer, adminPassword, await PlatformNats.start(namespace));
    try {
      for (const app of options.apps ?? PLATFORM_APPS) {
        const database = await createTestDatabase(`e2e_${app}`);
        databases.set(app, database);
        const env = {
          DATABASE_URL: database.url,
          ...platform.nats.envFor(app),
          NATS_SUBJECT_PREFIX: namespace.subjectPrefix,
          LOG_LEVEL: 'warn',
          // Seven apps share the test server with other test files (max_connections=100).
          DB_POOL_SIZE: '4',
          REDIS_KEY_PREFIX: `brigade-test:${namespace.subjectPrefix}`,
          NO_COLOR: '1', // captured logs are read as plain text
          AUTH_ISSUER: issuer,
          ...(app === 'orders' ? { ORDERS_APPROVAL_DEADLINE_MS: String(options.approvalDeadlineMs) } : {}),
          ...(app === 'identity' ? identityEnv(adminPassword) : {}),
        };
        const port = app === 'identity' ? Number(new URL(issuer).port) : await freePort();
        processes.set(app, new AppProcess(app, port, env));
      }
      await Promise.all([...processes.values()].map((running) => running.waitUntilHealthy(HEALTH_TIMEOUT_MS)));
      const admin = { authorization: `Bearer ${await platform.token(PLATFORM_ADMIN_EMAIL, adminPassword)}` };
      for (const running of processes.values()) running.headers = admin;
      return platform;
    } catch (error) {
      const logs = [...processes.values()].map((running) => `----- ${running.app} -----\n${running.log()}`).join('\n');
      await platform.stop();
      throw new Error(`The platform did not start: ${(error as Error).message}\n${logs}`);
    }
  }

  /** An access token from the identity app for the user's credentials. */
  async token(email: string, password: string): Promise<string> {
    const answer = await call({ baseUrl: this.issuer }, 'POST', '/auth/token', { email, password });
    if (answer.status !== 200) throw new Error(`POST /auth/token for ${email} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body.access_token;
  }

  /** The app's current incarnation; after kill() it answers nothing until restart(). */
  app(name: PlatformApp): AppProcess {
    const running = this.processes.get(name);
    if (!running) throw new Error(`${name} is not running`);
    return running;
  }

  /** The app's own database, for tests that inspect its event store and inbox directly. */
  databaseUrl(name: PlatformApp): string {
    const database = this.databases.get(name);
    if (!database) throw new Error(`${name} has no database`);
    return database.url;
  }

  /** A crash: SIGKILL to the app's process group, resolved once it is gone. Answers the killed incarnation. */
  async kill(name: PlatformApp): Promise<AppProcess> {
    const killed = this.app(name);
    await killed.kill();
    return killed;
  }

  /**
   * Starts a new incarnation of the app (killing the current one first if it still runs) with
   * the same environment, database and port, and waits until it is healthy. It is registered
   * before it is healthy, so stop() kills it even when the start fails.
   */
  async restart(name: PlatformApp): Promise<AppProcess> {
    const previous = await this.kill(name);
    this.retired.set(name, [...(this.retired.get(name) ?? []), previous]);
    const next = previous.respawn();
    this.processes.set(name, next);
    try {
      await next.waitUntilHealthy(HEALTH_TIMEOUT_MS);
    } catch (error) {
      throw new Error(`${name} did not restart: ${(error as Error).message}\n${next.log()}`);
    }
    return next;
  }

  /** Every incarnation of the app so far, oldest first (the last one is the current). */
  incarnations(name: PlatformApp): readonly AppProcess[] {
    return [...(this.retired.get(name) ?? []), this.app(name)];
  }

  /** What every incarnation of the app wrote (its last lines each), oldest first, for failure reports. */
  logs(name: PlatformApp): string {
    return this.incarnations(name)
      .map((incarnation, index) => `----- ${name} #${index + 1} (pid ${incarnation.pid}) -----\n${incarnation.log()}`)
      .join('\n');
  }

  /** Kills the apps, then removes their databases and stops their NATS server. */
  async stop(): Promise<void> {
    await Promise.all([...this.processes.values()].map((running) => running.kill()));
    await Promise.all([...this.databases.values()].map((database) => database.drop()));
    await this.nats.stop(); // its streams go with it
  }
}

function identityEnv(adminPassword: string): Record<string, string> {
  return {
    BRIGADE_ADMIN_EMAIL: PLATFORM_ADMIN_EMAIL,
    BRIGADE_ADMIN_PASSWORD: adminPassword,
    // Tokens outlive the longest e2e file; a cheaper hash keeps sign-ups quick on two cores.
    IDENTITY_TOKEN_TTL_S: '7200',
    IDENTITY_SCRYPT_LOG2_N: '14',
  };
}

/**
 * For a test file that runs against the whole platform: starts it before the file's tests and
 * stops it after them. Answers the running platform; throws when it did not start.
 */
export function platformForTestFile(options: PlatformOptions): () => Platform {
  let platform: Platform | undefined;
  beforeAll(async () => {
    platform = await Platform.start(options);
  }, 90_000);
  afterAll(async () => {
    await platform?.stop();
  }, 30_000);
  return () => {
    if (!platform) throw new Error('the platform did not start');
    return platform;
  };
}
