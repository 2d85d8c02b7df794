// Messaging over NATS JetStream.
// Publishing: a relay tails the event store in its gap-free order and stores each committed event on
// the context's stream exactly once and in order (each message chained to its predecessor's sequence,
// Nats-Msg-Id = event id as a second guard), across relay crashes and NATS or PostgreSQL outages.
// Consuming: durable pull consumers, idempotent through an inbox written in the handler's transaction,
// ordered per aggregate, retried with backoff, then parked on a dead-letter subject for replay
// (a replay runs only entries the app parked itself: their digests are in its own database).
export * from './lib/jetstream/naming';
export * from './lib/jetstream/streams';
export * from './lib/jetstream/connection';
export * from './lib/jetstream/nats-connection.token';
export * from './lib/jetstream/nats.module';
export * from './lib/jetstream/nats-health.indicator';
export * from './lib/relay/relay-types';
export * from './lib/relay/outbox-relay';
export * from './lib/relay/relay.module';
export { relayMigrations } from './lib/relay/migrations';
export { formatPosition, parsePosition, comparePositions } from './lib/relay/position';
export * from './lib/consumer/consumer-options';
export { JetStreamServer } from './lib/consumer/jetstream-server';
export type { JetStreamServerEvents, JetStreamServerStatus } from './lib/consumer/jetstream-server';
export { JetStreamContext } from './lib/consumer/jetstream-context';
export { laneByField } from './lib/consumer/lanes';
export type { Lane } from './lib/consumer/lanes';
export type { DeliveryInfo } from './lib/consumer/jetstream-context';
export type { ConsumedEvent } from './lib/consumer/consumed-event';
// For replays outside a durable (projection rebuilds): read a stored message as the consumer does.
export { UnreadableMessageError, rawMessageOf, readConsumedEvent } from './lib/consumer/consumed-event';
export { isDomainErrorLike, isUnretryable } from './lib/consumer/consumer-errors';
export { StreamVersionMismatchError, agreedStreamVersion } from './lib/consumer/stream-version';
export type { VersionedEnvelope } from './lib/consumer/stream-version';
export type { ConsumerOutcome, ConsumerOutcomeReport } from './lib/consumer/durable-worker';
export { inboxMigrations } from './lib/consumer/inbox';
export type { InboxOutcome } from './lib/consumer/inbox';
export * from './lib/consumer/messaging-consumer.module';
export * from './lib/consumer/connect-consumers';
export * from './lib/consumer/pass-errors-to-jetstream.filter';
export { DeadLetters } from './lib/dead-letter/dead-letters';
export type { DeadLetterPage, ParkedMessage, ReplayOutcome, ReplayResult } from './lib/dead-letter/dead-letters';
export { DeadLetterHeaders, deadLetterStreamName, deadLetterSubject } from './lib/dead-letter/dead-letter-queue';
// Who may do what on NATS: each app's user may publish its own context and dead letters, run its own
// durables and read its own inbox; rendered as the nats-server configuration npm start, e2e and compose run.
export * from './lib/security/nats-access';
export * from './lib/security/nats-permissions';
export * from './lib/security/nats-server-config';
export * from './lib/security/declared-durables';
