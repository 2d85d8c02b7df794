import { CommandRunner, EventStore } from '@brigade/event-store';
import { Injectable } from '@nestjs/common';
import type { ConsumerCommand } from '../domain/consumer.commands';
import { consumerDecider } from '../domain/consumer.decider';
import type { ConsumerEvent } from '../domain/consumer.events';
import type { ConsumerState } from '../domain/consumer.state';

/** Stream type stored with every consumer event; a consumer's stream id is its consumerId. */
export const CONSUMER_STREAM_TYPE = 'consumer';

/**
 * Load -> decide -> append for the Consumer aggregate, retried on concurrent changes.
 * Every order verdict lands on the consumer's stream, so a snapshot every 50 events keeps
 * loading cheap for consumers who order a lot.
 */
@Injectable()
export class ConsumerCommandRunner extends CommandRunner<ConsumerCommand, ConsumerEvent, ConsumerState> {
  constructor(store: EventStore) {
    // A consumer's orders are validated one after another (in the consumer's lane).
    super(store, consumerDecider, { streamType: CONSUMER_STREAM_TYPE, snapshot: { every: 50, schemaVersion: 1 }, rememberStates: true });
  }
}
