import { CommandRunner, EventStore } from '@brigade/event-store';
import { Injectable } from '@nestjs/common';
import type { ConsumerCommand } from '../domain/consumer.commands';
import { consumerDecider } from '../domain/consumer.decider';
import type { ConsumerEvent } from '../domain/consumer.events';
import type { ConsumerState } from '../domain/consumer.state';

/** Stream type stored with every consumer event; a consumer's stream id is its consumerId. */
export const CONSUMER_STREAM_TYPE = 'consumer';

/**
 * Load -> decide -> append for the Consumer aggregate, retried on concurrent changes. Its stream
 * holds only registration, suspensions and reactivations (order verdicts have streams of their
 * own); a snapshot every 50 events is there for the rare long one. Snapshot format 2: the state
 * without the judged order ids it once kept.
 */
@Injectable()
export class ConsumerCommandRunner extends CommandRunner<ConsumerCommand, ConsumerEvent, ConsumerState> {
  constructor(store: EventStore) {
    super(store, consumerDecider, { streamType: CONSUMER_STREAM_TYPE, snapshot: { every: 50, schemaVersion: 2 }, rememberStates: true });
  }
}
