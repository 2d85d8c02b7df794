import { deadLetterStreamName, deadLetterSubjects } from '../dead-letter/dead-letter-queue';
import { Namespace, contextStreamName, contextStreamSubjects, durableName } from '../jetstream/naming';
import { AppNatsAccess, NATS_ACCESS, NATS_APPS, NATS_OPERATOR_USER, NatsApp, natsInboxPrefix } from './nats-access';

export interface SubjectPermission {
  readonly allow: readonly string[];
  readonly deny: readonly string[];
}

/** What one NATS user may publish (JetStream API calls and acks are publishes too) and subscribe to. */
export interface NatsPermissions {
  readonly publish: SubjectPermission;
  readonly subscribe: SubjectPermission;
}

const API = '$JS.API';

/**
 * The subjects an app's connection needs, and nothing else (found by running every app against a
 * server with these permissions and reading its permission violations, see docs/security.md):
 *  - its relay: publish on its context's subjects; create, update and read its stream (the relay
 *    resumes from the stream's last message);
 *  - its consumers, per durable: create/update, info, delete (the rewind), pull, ack;
 *    info and create of the producer's stream (a consumer may start first and creates it);
 *  - order-history's rebuilds: ordered consumers of any name on the streams it consumes, except
 *    the names of other apps' durables;
 *  - its dead-letter queue: publish on `dlq.<app>.>`; create, update, read and delete messages
 *    of its dead-letter stream;
 *  - replies only on its own inbox, `_INBOX.<app>.>`.
 */
export function natsPermissionsOf(app: NatsApp, ns: Namespace): NatsPermissions {
  const access: AppNatsAccess = NATS_ACCESS[app];
  const publish: string[] = [];
  const deny: string[] = [];
  if (access.publishes) {
    const stream = contextStreamName(ns, access.publishes);
    publish.push(...contextStreamSubjects(ns, access.publishes), ...streamApi(stream, ['INFO', 'CREATE', 'UPDATE', 'MSG.GET']));
  }
  const consumed = Object.entries(access.consumes);
  if (consumed.length > 0) {
    publish.push(deadLetterSubjects(ns, app), ...streamApi(deadLetterStreamName(ns, app), ['INFO', 'CREATE', 'UPDATE', 'MSG.GET', 'MSG.DELETE']));
  }
  for (const [context, handlers] of consumed) {
    const stream = contextStreamName(ns, context);
    publish.push(...streamApi(stream, ['INFO', 'CREATE']));
    for (const handler of handlers) publish.push(...durableApi(stream, durableName(app, handler)));
    if (access.replaysConsumedStreams) {
      publish.push(...orderedConsumerApi(stream, '*'));
      deny.push(...othersDurables(app, context).flatMap((durable) => orderedConsumerApi(stream, durable)));
    }
  }
  return {
    publish: { allow: publish, deny },
    subscribe: { allow: [`${natsInboxPrefix(app)}.>`], deny: [] },
  };
}

/** Operator tooling and test harnesses: everything. */
export function operatorPermissions(): NatsPermissions {
  return { publish: { allow: ['>'], deny: [] }, subscribe: { allow: ['>'], deny: [] } };
}

/** Every user of the server (the apps and the operator) with its permissions. */
export function natsUsers(ns: Namespace): { readonly user: string; readonly permissions: NatsPermissions }[] {
  return [
    ...NATS_APPS.map((app) => ({ user: app, permissions: natsPermissionsOf(app, ns) })),
    { user: NATS_OPERATOR_USER, permissions: operatorPermissions() },
  ];
}

function streamApi(stream: string, operations: readonly string[]): string[] {
  return operations.map((operation) => `${API}.STREAM.${operation}.${stream}`);
}

/**
 * A durable pull consumer's calls: create and update (the client puts the filter subject after the
 * name, server 2.9+), info, delete (the rewind), pull, and acks on its deliveries' reply subjects.
 */
function durableApi(stream: string, durable: string): string[] {
  return [
    `${API}.CONSUMER.CREATE.${stream}.${durable}.>`,
    `${API}.CONSUMER.INFO.${stream}.${durable}`,
    `${API}.CONSUMER.DELETE.${stream}.${durable}`,
    `${API}.CONSUMER.MSG.NEXT.${stream}.${durable}`,
    `$JS.ACK.${stream}.${durable}.>`,
  ];
}

/** An ordered consumer's calls: it has no filter and no acks, and is deleted when done. */
function orderedConsumerApi(stream: string, consumer: string): string[] {
  return [
    `${API}.CONSUMER.CREATE.${stream}.${consumer}`,
    `${API}.CONSUMER.INFO.${stream}.${consumer}`,
    `${API}.CONSUMER.DELETE.${stream}.${consumer}`,
    `${API}.CONSUMER.MSG.NEXT.${stream}.${consumer}`,
  ];
}

/** The durables other apps run on `context`'s stream. */
function othersDurables(app: NatsApp, context: string): string[] {
  return NATS_APPS.filter((other) => other !== app).flatMap((other) => {
    const consumes: AppNatsAccess['consumes'] = NATS_ACCESS[other].consumes;
    return (consumes[context] ?? []).map((handler) => durableName(other, handler));
  });
}
