import {
  AppNatsAccess,
  NATS_ACCESS,
  NATS_APPS,
  NATS_OPERATOR_USER,
  NatsApp,
  contextStreamName,
  durableName,
  natsAuthorizationConfig,
  natsPermissionsOf,
  natsUsers,
} from '../../src';

const none = { subjectPrefix: '' };
const prefixed = { subjectPrefix: 't1.' };
const consumesOf = (app: NatsApp): AppNatsAccess['consumes'] => NATS_ACCESS[app].consumes;
/** The subjects of events and dead letters an app may publish (not the JetStream API). */
const eventSubjects = (app: NatsApp, ns = none) => natsPermissionsOf(app, ns).publish.allow.filter((subject) => !subject.startsWith('$JS.'));

describe('NATS permissions of each app', () => {
  it.each(NATS_APPS)('%s publishes only on its own context and its own dead-letter subjects', (app) => {
    const own = [NATS_ACCESS[app].publishes && `${NATS_ACCESS[app].publishes}.>`, Object.keys(consumesOf(app)).length > 0 && `dlq.${app}.>`].filter(Boolean);
    expect(eventSubjects(app).sort()).toEqual(own.sort());
  });

  it.each(NATS_APPS)('%s subscribes to its own inbox only', (app) => {
    expect(natsPermissionsOf(app, none).subscribe).toEqual({ allow: [`_INBOX.${app}.>`], deny: [] });
  });

  it.each(NATS_APPS)('%s has no wildcard over the JetStream API, streams or acks', (app) => {
    const allow = natsPermissionsOf(app, none).publish.allow;
    expect(allow).not.toContain('>');
    for (const subject of allow) expect(subject).not.toMatch(/^\$JS\.(API\.)?(>|\*)|\.STREAM\.\w+\.(\*|>)$|^\$JS\.ACK\.[^.]+\.\*/);
  });

  it('gives identity its own context and nothing to consume', () => {
    expect(NATS_ACCESS.identity).toEqual({ publishes: 'identity', consumes: {} });
    expect(eventSubjects('identity')).toEqual(['identity.>']);
  });

  it('lets a consumer act on its own durables only: create, info, delete, pull and ack each by name', () => {
    const allow = natsPermissionsOf('orders', none).publish.allow;
    const durable = durableName('orders', 'consumer-verdicts');
    expect(allow).toEqual(
      expect.arrayContaining([
        `$JS.API.CONSUMER.CREATE.CONSUMERS.${durable}.>`,
        `$JS.API.CONSUMER.INFO.CONSUMERS.${durable}`,
        `$JS.API.CONSUMER.DELETE.CONSUMERS.${durable}`,
        `$JS.API.CONSUMER.MSG.NEXT.CONSUMERS.${durable}`,
        `$JS.ACK.CONSUMERS.${durable}.>`,
      ]),
    );
    expect(allow.filter((subject) => subject.startsWith('$JS.API.CONSUMER.') || subject.startsWith('$JS.ACK.')).every((subject) => subject.includes('.orders--'))).toBe(true);
  });

  it("keeps order-history's replay consumers (any name) off every other app's durable on the streams it reads", () => {
    const { allow, deny } = natsPermissionsOf('order-history', none).publish;
    for (const context of Object.keys(consumesOf('order-history'))) {
      const stream = contextStreamName(none, context);
      expect(allow).toContain(`$JS.API.CONSUMER.CREATE.${stream}.*`);
      const others = NATS_APPS.filter((app) => app !== 'order-history').flatMap((app) => (consumesOf(app)[context] ?? []).map((handler) => durableName(app, handler)));
      for (const durable of others) {
        expect(deny).toEqual(expect.arrayContaining([`$JS.API.CONSUMER.CREATE.${stream}.${durable}`, `$JS.API.CONSUMER.DELETE.${stream}.${durable}`, `$JS.API.CONSUMER.MSG.NEXT.${stream}.${durable}`]));
      }
    }
  });

  it.each(NATS_APPS)('%s: the subject prefix is on every subject and stream name', (app) => {
    const { publish, subscribe } = natsPermissionsOf(app, prefixed);
    for (const subject of eventSubjects(app, prefixed)) expect(subject.startsWith('t1.')).toBe(true);
    for (const subject of publish.allow.filter((s) => s.startsWith('$JS.'))) expect(subject).toMatch(/^\$JS\.(API\.[A-Z.]+|ACK)\.T1_[A-Z_]+(\.|$)/);
    expect(subscribe.allow).toEqual([`_INBOX.${app}.>`]);
  });

  it('has one user per app and the operator, who may do everything', () => {
    const users = natsUsers(none);
    expect(users.map(({ user }) => user)).toEqual([...NATS_APPS, NATS_OPERATOR_USER]);
    expect(users.find(({ user }) => user === NATS_OPERATOR_USER)?.permissions).toEqual({ publish: { allow: ['>'], deny: [] }, subscribe: { allow: ['>'], deny: [] } });
  });
});

describe('natsAuthorizationConfig', () => {
  it('renders every user with its password, from the file or from the environment, and no anonymous user', () => {
    const config = natsAuthorizationConfig({
      namespace: none,
      password: (user) => (user === 'orders' ? { env: 'NATS_PASSWORD_ORDERS' } : { value: `pw-${user}-0123456789ab` }),
    });
    expect(config).toContain('user: "orders"\n      password: $NATS_PASSWORD_ORDERS\n');
    expect(config).toContain('user: "kitchen"\n      password: "pw-kitchen-0123456789ab"\n');
    expect(config).toContain('"$JS.ACK.ORDERS.kitchen--ticket-lifecycle.>",');
    expect(config).not.toMatch(/no_auth_user|default_permissions/);
    expect(config.match(/^ {6}user: /gm)).toHaveLength(NATS_APPS.length + 1);
  });

  it.each(['short', 'with space 0123456789', 'quote"0123456789abc'])('refuses to write the password %j into the file', (value) => {
    expect(() => natsAuthorizationConfig({ namespace: none, password: () => ({ value }) })).toThrow(/NATS password of consumers/);
  });
});
