/**
 * Who may do what on NATS: the one source of the server's users and permissions (nats-permissions.ts
 * turns it into subjects, nats-server-config.ts into a nats-server `authorization` block) and of the
 * check that an app runs only the durables declared here (JetStreamServer refuses to start others).
 *
 * Per app: the context whose stream its relay publishes (`<prefix><context>.>`), and per context it
 * consumes, its handler groups (durable `<app>--<handler>` on that context's stream). Durables are
 * listed by name because a NATS subject token cannot be wildcarded in part (`orders--*` is no
 * pattern), and `$JS.API.CONSUMER.*.<stream>.*` would let an app delete, rewind or ack another
 * app's durable on a stream both read.
 */
export interface AppNatsAccess {
  /** The context the app's relay publishes; null when the app publishes no events. */
  readonly publishes: string | null;
  /** Consumed context → the app's handler names on that context's stream. */
  readonly consumes: Readonly<Record<string, readonly string[]>>;
  /**
   * Reads the whole streams it consumes through ephemeral ordered consumers (projection rebuilds).
   * Their names are random, so the app may create consumers of any name on those streams, except
   * the other apps' durables (denied by name).
   */
  readonly replaysConsumedStreams?: boolean;
}

export const NATS_ACCESS = {
  consumers: {
    publishes: 'consumers',
    consumes: { orders: ['order-validation'], identity: ['consumer-registration'] },
  },
  restaurants: {
    publishes: 'restaurants',
    consumes: {},
  },
  orders: {
    publishes: 'orders',
    consumes: {
      restaurants: ['restaurant-replica'],
      consumers: ['consumer-verdicts'],
      kitchen: ['kitchen-verdicts'],
      accounting: ['payment-verdicts'],
      delivery: ['delivery-progress'],
    },
  },
  kitchen: {
    publishes: 'kitchen',
    consumes: { orders: ['ticket-lifecycle'], delivery: ['ticket-pickup'], restaurants: ['restaurant-replica'] },
  },
  accounting: {
    publishes: 'accounting',
    consumes: { orders: ['payment-authorization'], consumers: ['account-opening'], delivery: ['payment-capture'] },
  },
  delivery: {
    publishes: 'delivery',
    consumes: { orders: ['order-lifecycle'], kitchen: ['kitchen-progress'], restaurants: ['restaurant-replica'] },
  },
  'order-history': {
    publishes: null,
    consumes: {
      orders: ['orders'],
      consumers: ['consumers'],
      kitchen: ['kitchen'],
      accounting: ['accounting'],
      delivery: ['delivery'],
      restaurants: ['restaurants'],
    },
    replaysConsumedStreams: true,
  },
  identity: {
    publishes: 'identity',
    consumes: {},
  },
} as const satisfies Record<string, AppNatsAccess>;

export type NatsApp = keyof typeof NATS_ACCESS;

export const NATS_APPS = Object.keys(NATS_ACCESS) as NatsApp[];

/**
 * The user of operator tooling and test harnesses (stream clean-up, watching events in a benchmark,
 * the `nats` CLI): every subject. Its password opens everything; no app uses it.
 */
export const NATS_OPERATOR_USER = 'operator';

export function isNatsApp(app: string): app is NatsApp {
  return Object.prototype.hasOwnProperty.call(NATS_ACCESS, app);
}

export function natsAccessOf(app: NatsApp): AppNatsAccess {
  return NATS_ACCESS[app];
}

/**
 * Where a user's replies arrive (JetStream API answers, publish acks, pull-consumer deliveries):
 * `_INBOX.<user>.>`, so a user may subscribe to its own replies only and never reads another
 * app's deliveries. connectNats sets it as the client's inbox prefix when it has credentials.
 */
export function natsInboxPrefix(user: string): string {
  return `_INBOX.${user}`;
}

/** A user name is also a subject token (its inbox prefix): letters, digits, '-' and '_'. */
export const NATS_USER_PATTERN = /^[A-Za-z0-9_-]+$/;
