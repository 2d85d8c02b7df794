import { randomBytes } from 'node:crypto';
import { NatsServer, startNatsServer } from '@brigade/testing';
import { NatsConnection, PermissionViolationError, connect } from '@nats-io/transport-node';
import { NATS_OPERATOR_USER, Namespace, connectNats, natsAuthorizationConfig } from '../../../src';

/** A nats-server of the test's own, run with the generated users and permissions for `namespace`. */
export class SecuredNats {
  private constructor(
    readonly server: NatsServer,
    private readonly passwords: ReadonlyMap<string, string>,
  ) {}

  static async start(namespace: Namespace): Promise<SecuredNats> {
    const passwords = new Map<string, string>();
    const password = (user: string) => {
      passwords.set(user, randomBytes(18).toString('base64url'));
      return { value: passwords.get(user) as string };
    };
    return new SecuredNats(await startNatsServer({ config: natsAuthorizationConfig({ namespace, password }) }), passwords);
  }

  /** A connection as `user` (an app, or the operator), as the apps open theirs. */
  connectAs(user: string): Promise<NatsConnection> {
    return connectNats({ servers: this.server.url, name: `${user}-permissions-spec`, credentials: { user, password: this.passwordOf(user) } });
  }

  passwordOf(user: string): string {
    const password = this.passwords.get(user);
    if (!password) throw new Error(`${user} is no user of the generated configuration`);
    return password;
  }

  operator(): Promise<NatsConnection> {
    return this.connectAs(NATS_OPERATOR_USER);
  }

  /** A connection attempt without credentials, or with a wrong password: answers why it was refused. */
  refusedConnect(credentials?: { user: string; pass: string }): Promise<string> {
    return connect({ servers: this.server.url, reconnect: false, timeout: 2_000, ...credentials }).then(
      async (nc) => {
        await nc.close();
        return 'connected';
      },
      (error: Error) => error.message,
    );
  }

  /** The publish and subscription violations the server logged (denied JetStream API calls included). */
  violations(): string[] {
    return this.server
      .log()
      .split('\n')
      .filter((line) => /(publish|subscription) violation/i.test(line));
  }

  stop(): Promise<void> {
    return this.server.stop();
  }
}

/**
 * Runs `act` (a publish or a subscribe) and answers the violation the server sent back for it, or
 * null when none came within `withinMs`: the server refuses silently for the others (a denied
 * publish is dropped), and tells the client with `-ERR 'Permissions Violation ...'`.
 */
export async function violationOf(nc: NatsConnection, act: () => void, withinMs = 2_000): Promise<{ operation: string; subject: string } | null> {
  const statuses = nc.status()[Symbol.asyncIterator]();
  const refused = (async () => {
    for (let next = await statuses.next(); !next.done; next = await statuses.next()) {
      if (next.value.type === 'error' && next.value.error instanceof PermissionViolationError) return next.value.error;
    }
    return null;
  })();
  act();
  await nc.flush();
  const timer = new Promise<null>((resolve) => setTimeout(() => resolve(null), withinMs).unref());
  const error = await Promise.race([refused, timer]);
  void statuses.return?.(); // not awaited: it settles with the next status event only
  return error && { operation: error.operation, subject: error.subject };
}
