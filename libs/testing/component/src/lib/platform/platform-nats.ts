import { randomBytes } from 'node:crypto';
import { NATS_OPERATOR_USER, NatsCredentials, Namespace, connectNats, isNatsApp, natsAuthorizationConfig } from '@brigade/messaging';
import { NatsServer, startNatsServer } from '@brigade/testing';
import type { NatsConnection } from '@nats-io/transport-node';

/**
 * The NATS server of one running platform: its own nats-server with the users and permissions
 * production runs with (generated from nats-access.ts for the platform's subject prefix), a random
 * password per user. Each app connects as itself; the harness (tests, benchmarks) as the operator.
 */
export class PlatformNats {
  private constructor(
    private readonly server: NatsServer,
    private readonly passwords: ReadonlyMap<string, string>,
  ) {}

  static async start(namespace: Namespace): Promise<PlatformNats> {
    const passwords = new Map<string, string>();
    const password = (user: string) => {
      if (!passwords.has(user)) passwords.set(user, randomBytes(18).toString('base64url'));
      return { value: passwords.get(user) as string };
    };
    const server = await startNatsServer({ config: natsAuthorizationConfig({ namespace, password }) });
    return new PlatformNats(server, passwords);
  }

  get url(): string {
    return this.server.url;
  }

  /** What an app needs in its environment to connect as itself. */
  envFor(app: string): Record<string, string> {
    if (!isNatsApp(app)) throw new Error(`${app} has no NATS user: declare it in libs/platform/messaging/src/lib/security/nats-access.ts`);
    return { NATS_URL: this.url, NATS_USER: app, NATS_PASSWORD: this.passwordOf(app) };
  }

  /** The harness's user (every subject), for tests that watch or clean up NATS directly. */
  get operator(): NatsCredentials {
    return { user: NATS_OPERATOR_USER, password: this.passwordOf(NATS_OPERATOR_USER) };
  }

  /** A connection as the operator; the caller closes it. */
  connect(name: string): Promise<NatsConnection> {
    return connectNats({ servers: this.url, name, credentials: this.operator });
  }

  /** The server's "Permissions Violation" log lines: what some user tried and was refused. */
  violations(): string[] {
    return this.server
      .log()
      .split('\n')
      .filter((line) => /(publish|subscription) violation/i.test(line));
  }

  stop(): Promise<void> {
    return this.server.stop();
  }

  private passwordOf(user: string): string {
    const password = this.passwords.get(user);
    if (!password) throw new Error(`No NATS password for ${user}`);
    return password;
  }
}
