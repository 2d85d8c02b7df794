import { AppNatsAccess, NATS_ACCESS, isNatsApp } from './nats-access';

/** What a running handler group is, as far as NATS access goes. */
export interface DurableOnStream {
  readonly handler: string;
  /** `<app>--<handler>`. */
  readonly durable: string;
  /** The producing context whose stream the durable reads. */
  readonly context: string;
}

/** A handler group the app's NATS user may not run. */
export class UndeclaredDurableError extends Error {
  readonly code = 'MESSAGING.NATS_ACCESS.UNDECLARED_DURABLE';

  constructor(
    readonly app: string,
    readonly durables: readonly DurableOnStream[],
  ) {
    const list = durables.map(({ durable, context }) => `${durable} (on ${context})`).join(', ');
    super(
      `${list} not declared for ${app} in libs/platform/messaging/src/lib/security/nats-access.ts: ` +
        'its NATS user would be refused. Declare the handler under the context it consumes.',
    );
    this.name = 'UndeclaredDurableError';
  }
}

/**
 * Refuses to start a durable that nats-access.ts does not declare for the app: its NATS user could
 * not create, pull or ack it, and the consumer would fail later with a bare permissions violation.
 * Checked on every server, open ones included, so a handler added without its declaration fails
 * the app's own component tests. Apps outside the table (test apps) run on open servers only.
 */
export function assertDeclaredDurables(app: string, durables: readonly DurableOnStream[]): void {
  if (!isNatsApp(app)) return;
  const consumes: AppNatsAccess['consumes'] = NATS_ACCESS[app].consumes;
  const undeclared = durables.filter(({ context, handler }) => !(consumes[context] ?? []).includes(handler));
  if (undeclared.length > 0) throw new UndeclaredDurableError(app, undeclared);
}
